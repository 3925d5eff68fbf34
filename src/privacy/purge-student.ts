import type { Db } from '../db/client.js';
import { recordPrivacyAudit } from '../db/repositories/privacy-audit.js';
import { purgeableStudent } from '../db/repositories/erase-students.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import type { TallyIncrement } from '../db/repositories/tally-anonymous.js';
import { eraseStudents, type ErasedCounts, type RemainsElsewhere } from './erase-students.js';
import { prepareSecureDelete, scrubFreedPages } from './scrub-freed-pages.js';

export interface PurgeStudentInput {
  courseId: string;
  studentId: string;
  /** Discord id of the staff member who confirmed the purge (kept in the audit log). */
  actorUserId: string;
  guildId: string;
  now: Date;
}

export interface PurgeStudentSummary {
  courseId: string;
  removed: ErasedCounts;
  /** Added to the course's AnonymousTally, so course totals stay right. */
  tally: TallyIncrement;
  remainsElsewhere: RemainsElsewhere;
  /** One sentence for staff: what the bot could not delete because other accounts own it. */
  remainsNote: string;
  /** SQLite file rebuilt so no deleted bytes remain (false on PostgreSQL or when another process held it busy). */
  compacted: boolean;
}

/** Plain words for the confirmation reply; counts, never the student's name. */
export function describeRemains(r: RemainsElsewhere): string {
  return (
    `Removed from CourseThreads. What stays elsewhere, owned by the student's own accounts: ` +
    `${r.discordMessages} message(s) in the course's Discord threads, ${r.blogComments} comment(s) and ` +
    `${r.blogEssays} essay(s) on the course blog. The student (or a blog admin) can delete those there.` +
    (r.blogFilesBeingDeleted > 0
      ? ` The ${r.blogFilesBeingDeleted} file(s) uploaded from their Discord replies are being deleted from the blog's media library.`
      : '')
  );
}

/**
 * `/roster remove purge:true`: deletes one student's personal data from every table in one
 * transaction (see docs/data.md for each field's fate) and records 'roster.purge' without the name.
 */
export async function purgeStudent(db: Db, input: PurgeStudentInput): Promise<PurgeStudentSummary> {
  const student = await purgeableStudent(db, input.courseId, input.studentId);
  if (!student) throw new UserError('That student is not on this course roster (already removed?).');
  await prepareSecureDelete(db);
  const result = await inTransaction(
    db,
    async (tx) => {
      const erased = await eraseStudents(tx, { courseId: input.courseId, guildId: input.guildId, studentIds: [input.studentId], now: input.now });
      await recordPrivacyAudit(tx, {
        courseId: input.courseId,
        guildId: input.guildId,
        actorUserId: input.actorUserId,
        action: 'roster.purge',
        targetStudentId: null,
        details: JSON.stringify({ removed: erased.counts, remainsElsewhere: erased.remainsElsewhere }),
        createdAt: input.now,
      });
      return erased;
    },
    { timeoutMs: 60_000 },
  );
  const compacted = await scrubFreedPages(db);
  return {
    courseId: input.courseId,
    removed: result.counts,
    tally: result.tally,
    remainsElsewhere: result.remainsElsewhere,
    remainsNote: describeRemains(result.remainsElsewhere),
    compacted,
  };
}
