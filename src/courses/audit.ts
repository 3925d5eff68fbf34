import type { Db, Tx } from '../db/client.js';
import { insertAuditEntry } from '../db/repositories/course-audit.js';

/** Every staff action that changes state, and every staff look at someone's data, is written here. */
export async function recordAudit(
  tx: Tx | Db,
  entry: { courseId: string | null; guildId: string; actorUserId: string; action: string; targetStudentId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await insertAuditEntry(tx, {
    courseId: entry.courseId,
    guildId: entry.guildId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetStudentId: entry.targetStudentId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
}

/** Who did a staff action: the Discord user, and the server they did it in. */
export interface StaffActor {
  userId: string;
  guildId: string;
}

/** Records an action a staff member took on a course: recordAudit with the actor's user and server. */
export function recordStaffAction(
  tx: Tx | Db,
  courseId: string,
  actor: StaffActor,
  entry: { action: string; targetStudentId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(tx, { courseId, guildId: actor.guildId, actorUserId: actor.userId, ...entry });
}
