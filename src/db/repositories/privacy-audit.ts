import type { Db, Tx } from '../client.js';

/** An audit entry written by a privacy action, stamped with the action's own time. */
export interface PrivacyAuditEntry {
  courseId: string;
  guildId: string;
  actorUserId: string;
  action: string;
  /** Left out by a course purge; null when the entry must not point at a purged student. */
  targetStudentId?: string | null;
  /** JSON, already without the names it must not keep. */
  details: string;
  createdAt: Date;
}

/**
 * Writes the audit entry of an export, a student purge or a course purge (inside the purge's transaction, so
 * the entry and the erasure land together). Unlike recordAudit it takes the time and the details as given.
 */
export async function recordPrivacyAudit(tx: Tx | Db, entry: PrivacyAuditEntry): Promise<void> {
  await tx.auditEntry.create({ data: entry });
}
