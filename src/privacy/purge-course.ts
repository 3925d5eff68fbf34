import type { Db } from '../db/client.js';
import type { BlogSource } from '../ports/blog-source.js';
import { UserError } from '../shared/user-error.js';
import type { TallyIncrement } from './anonymous-tally.js';
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
  const course = await db.course.findUnique({ where: { id: input.courseId }, select: { id: true, guildId: true, purgedAt: true } });
  if (!course) throw new UserError('No such course.');
  // While the blog credentials still exist: afterwards nothing could delete the files.
  const uploads = await deleteCourseUploads(db, course.id, input.blogFor);
  await prepareSecureDelete(db);
  const outcome = await db.$transaction(
    async (tx) => {
      const students = await tx.student.findMany({ where: { courseId: course.id }, select: { id: true } });
      const erased = await eraseStudents(tx, { courseId: course.id, guildId: course.guildId, studentIds: students.map((s) => s.id), now: input.now });

      // Names no roster row accounts for: blog guests, and Discord members who never linked.
      const essays = await tx.essay.findMany({
        where: { courseId: course.id, OR: [{ authorName: { not: null } }, { authorBlogUserId: { not: null } }] },
        select: { authorName: true, authorBlogUserId: true },
      });
      const comments = await tx.comment.findMany({ where: { courseId: course.id, authorName: { not: null } }, select: { authorName: true } });
      const scrubber = createScrubber([...essays.flatMap((e) => [e.authorName, e.authorBlogUserId]), ...comments.map((c) => c.authorName)]);
      await scrubCourseTexts(tx, { courseId: course.id, guildId: course.guildId, scrubber });
      await tx.essay.updateMany({ where: { courseId: course.id }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } });
      const guestNamesCleared = essays.length + comments.length;
      await tx.comment.updateMany({ where: { courseId: course.id }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } });

      // Whatever is still queued would publish or quote course content after the end: dropped.
      const outboxItemsDeleted = erased.counts.outboxDeleted + (await tx.outboxItem.deleteMany({ where: { courseId: course.id } })).count;
      const remindersDeleted = (await tx.reminder.deleteMany({ where: { courseId: course.id } })).count;
      const confirmationsDeleted = (await tx.pendingConfirmation.deleteMany({ where: { courseId: course.id } })).count;
      await tx.linkClaim.deleteMany({ where: { courseId: course.id } });
      await tx.auditEntry.updateMany({ where: { courseId: course.id }, data: { targetStudentId: null } });
      await tx.reviewRound.updateMany({ where: { courseId: course.id }, data: { createdByUserId: null } });
      const blogSecretDeleted = (await tx.blogSecret.deleteMany({ where: { courseId: course.id } })).count > 0;
      // The push signing secret and the delivery ids go too: an archived course takes no notifications.
      await tx.pushDelivery.deleteMany({ where: { courseId: course.id } });
      await tx.pushLink.deleteMany({ where: { courseId: course.id } });
      await tx.course.update({
        where: { id: course.id },
        data: { purgedAt: course.purgedAt ?? input.now, status: 'archived', createdByUserId: null, flaggedReason: null, blogLastError: null },
      });
      await tx.auditEntry.create({
        data: {
          courseId: course.id,
          guildId: course.guildId,
          actorUserId: input.actorUserId,
          action: 'course.purge',
          details: JSON.stringify({ students: erased.counts.students, guestNamesCleared, outboxItemsDeleted, remindersDeleted, blogSecretDeleted, uploads }),
          createdAt: input.now,
        },
      });
      return { erased, guestNamesCleared, outboxItemsDeleted, remindersDeleted, confirmationsDeleted, blogSecretDeleted };
    },
    { timeout: 120_000 },
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
