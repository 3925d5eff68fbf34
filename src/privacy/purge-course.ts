import type { Db } from '../db/client.js';
import { recordPrivacyAudit } from '../db/repositories/privacy-audit.js';
import {
  anonymiseCourseWork,
  archivePurgedCourse,
  courseStudentIds,
  courseToPurge,
  dropCoursePersonalRows,
  guestAuthorNames,
} from '../db/repositories/purge-course.js';
import { inTransaction } from '../db/transaction.js';
import type { BlogSource } from '../ports/blog-source.js';
import { UserError } from '../shared/user-error.js';
import type { TallyIncrement } from '../db/repositories/tally-anonymous.js';
import { deleteCourseUploads, type CourseUploadsOutcome } from './delete-course-uploads.js';
import { eraseStudents, type ErasedCounts, type RemainsElsewhere } from './erase-students.js';
import { createScrubber } from './scrub-identifiers.js';
import { scrubCourseTexts } from './scrub-course-texts.js';
import { prepareSecureDelete, scrubFreedPages } from './scrub-freed-pages.js';

export interface PurgeCourseSummary {
  courseId: string;
  /** Roster students removed as by purgeStudent (summed). */
  students: ErasedCounts;
  /** Blog guests and unlinked authors whose names were cleared from essays and comments. */
  guestNamesCleared: number;
  outboxItemsDeleted: number;
  remindersDeleted: number;
  confirmationsDeleted: number;
  blogSecretDeleted: boolean;
  /** Files uploaded to the blog for students' replies: deleted there first, or left (and counted) if it refused. */
  uploads: CourseUploadsOutcome;
  tally: TallyIncrement;
  remainsElsewhere: RemainsElsewhere;
  compacted: boolean;
  alreadyPurged: boolean;
}

/**
 * Retention (the purge job, endsAt + retentionDays) and `/course archive`: removes every piece of
 * personal data the course holds, in one transaction, and archives the course so no poll brings names
 * back. Anonymous rows (essays, comments, rounds) and the AnonymousTally keep the course's numbers.
 * Safe to repeat: a second call removes only what arrived since and leaves the totals as they are.
 */
export async function purgeCourseData(
  db: Db,
  input: { courseId: string; now: Date; actorUserId: string; blogFor: (courseId: string) => Promise<BlogSource> },
): Promise<PurgeCourseSummary> {
  const course = await courseToPurge(db, input.courseId);
  if (!course) throw new UserError('No such course.');
  // While the blog credentials still exist: afterwards nothing could delete the files.
  const uploads = await deleteCourseUploads(db, course.id, input.blogFor);
  await prepareSecureDelete(db);
  const outcome = await inTransaction(
    db,
    async (tx) => {
      const studentIds = await courseStudentIds(tx, course.id);
      const erased = await eraseStudents(tx, { courseId: course.id, guildId: course.guildId, studentIds, now: input.now });

      // Names no roster row accounts for: blog guests, and Discord members who never linked.
      const { essays, comments } = await guestAuthorNames(tx, course.id);
      const scrubber = createScrubber([...essays.flatMap((e) => [e.authorName, e.authorBlogUserId]), ...comments.map((c) => c.authorName)]);
      await scrubCourseTexts(tx, { courseId: course.id, guildId: course.guildId, scrubber });
      await anonymiseCourseWork(tx, course.id);
      const guestNamesCleared = essays.length + comments.length;

      // Whatever is still queued would publish or quote course content after the end: dropped. The push signing
      // secret and the delivery ids go too: an archived course takes no notifications.
      const dropped = await dropCoursePersonalRows(tx, course.id);
      const outboxItemsDeleted = erased.counts.outboxDeleted + dropped.outboxItems;
      const remindersDeleted = dropped.reminders;
      const confirmationsDeleted = dropped.confirmations;
      const blogSecretDeleted = dropped.blogSecretDeleted;
      await archivePurgedCourse(tx, course.id, course.purgedAt ?? input.now);
      await recordPrivacyAudit(tx, {
        courseId: course.id,
        guildId: course.guildId,
        actorUserId: input.actorUserId,
        action: 'course.purge',
        details: JSON.stringify({ students: erased.counts.students, guestNamesCleared, outboxItemsDeleted, remindersDeleted, blogSecretDeleted, uploads }),
        createdAt: input.now,
      });
      return { erased, guestNamesCleared, outboxItemsDeleted, remindersDeleted, confirmationsDeleted, blogSecretDeleted };
    },
    { timeoutMs: 120_000 },
  );
  const compacted = await scrubFreedPages(db);
  return {
    courseId: course.id,
    students: outcome.erased.counts,
    guestNamesCleared: outcome.guestNamesCleared,
    outboxItemsDeleted: outcome.outboxItemsDeleted,
    remindersDeleted: outcome.remindersDeleted,
    confirmationsDeleted: outcome.confirmationsDeleted,
    blogSecretDeleted: outcome.blogSecretDeleted,
    uploads,
    tally: outcome.erased.tally,
    remainsElsewhere: outcome.erased.remainsElsewhere,
    compacted,
    alreadyPurged: course.purgedAt !== null,
  };
}
