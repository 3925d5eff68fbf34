import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';

// AuditEntry rows: every staff action that changes state, and every staff look at someone's data
// (written by src/courses/audit.ts recordAudit, read by /report audit).

export interface NewAuditEntry {
  courseId: string | null;
  guildId: string;
  actorUserId: string;
  action: string;
  targetStudentId: string | null;
  /** JSON text. */
  details: string;
}

/** Inserts one audit entry, in the caller's transaction when it has one (so it lands with the change it records). */
export async function insertAuditEntry(tx: Tx | Db, entry: NewAuditEntry): Promise<void> {
  await tx.auditEntry.create({ data: entry });
}

/**
 * /report audit's facts: the course's name, its `limit` newest audit entries (newest first) and the
 * display names of the students they target (a student since removed is missing from the map).
 */
export async function courseAuditLog(db: Db, courseId: string, limit: number) {
  const [course, entries] = await Promise.all([
    courseById(db, courseId, { name: true }),
    db.auditEntry.findMany({ where: { courseId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit }),
  ]);
  const targets = [...new Set(entries.map((e) => e.targetStudentId).filter((id): id is string => id !== null))];
  // Most entries name no student (settings, syncs): then there is no name to look up.
  const students = targets.length ? await db.student.findMany({ where: { id: { in: targets } }, select: { id: true, displayName: true } }) : [];
  const targetNames = new Map(students.map((s) => [s.id, s.displayName]));
  return { courseName: course.name, entries, targetNames };
}
