import type { Tx } from '../outbox/outbox-store.js';
import { enqueueReplyMediaDeletion } from '../sync/comments/reply-media-delete.js';
import { addToTally, type TallyIncrement } from './anonymous-tally.js';
import { scrubCourseTexts } from './scrub-course-texts.js';
import { ANONYMOUS_ACTOR, createScrubber } from './scrub-identifiers.js';
import { scrubOutbox } from './scrub-outbox.js';

export interface ErasedCounts {
  students: number;
  linkClaims: number;
  reminders: number;
  reviewAssignments: number;
  essaysAnonymised: number;
  commentsAnonymised: number;
  outboxDeleted: number;
  outboxRedacted: number;
  confirmationsRemoved: number;
  auditTargetsCleared: number;
  auditActorsAnonymised: number;
  auditDetailsScrubbed: number;
  otherTextsScrubbed: number;
}

/** What the students wrote that lives on outside the bot's database, owned by their own accounts. */
export interface RemainsElsewhere {
  /** Their replies in the course's Discord threads (their Discord account owns them). */
  discordMessages: number;
  /** Blog comments written by them or posted for them from Discord (on the course blog, under their name). */
  blogComments: number;
  /** Their essays on the blog (their blog account owns them), which keep their Discord threads. */
  blogEssays: number;
  /** Files the bot uploaded for their Discord replies: not left behind, but deleted by queued effects after the reply. */
  blogFilesBeingDeleted: number;
}

export interface EraseResult {
  counts: ErasedCounts;
  tally: TallyIncrement;
  remainsElsewhere: RemainsElsewhere;
}

const DONE = ['done', 'done_late'];

/**
 * Removes the given roster students' personal data from every table, inside the caller's transaction.
 * Essays and comments stay as anonymous rows (their ids keep the blog and Discord in step); what was
 * counted for the students moves to the course's AnonymousTally so totals stay right.
 */
export async function eraseStudents(tx: Tx, input: { courseId: string; guildId: string; studentIds: string[]; now: Date }): Promise<EraseResult> {
  const { courseId, guildId, now } = input;
  const students = await tx.student.findMany({
    where: { courseId, id: { in: input.studentIds } },
    select: {
      id: true,
      displayName: true,
      email: true,
      blogUserId: true,
      blogUsername: true,
      pseudonym: true,
      discordUserId: true,
      linkClaims: { select: { blogUsername: true } },
    },
  });
  const ids = students.map((s) => s.id);
  const names = students.flatMap((s) => [s.displayName, s.blogUsername].filter((v): v is string => Boolean(v)));
  const blogIds = students.flatMap((s) => (s.blogUserId ? [s.blogUserId] : []));

  // Rows the blog still attributes to them: linked, or by blog id / name from before they were linked.
  const essays = await tx.essay.findMany({
    where: { courseId, OR: [{ authorStudentId: { in: ids } }, { authorBlogUserId: { in: blogIds } }] },
    select: { id: true, authorStudentId: true, authorName: true, authorBlogUserId: true, blogStatus: true },
  });
  const comments = await tx.comment.findMany({
    where: { courseId, OR: [{ authorStudentId: { in: ids } }, { authorName: { in: names } }, { authorBlogUserId: { in: blogIds } }] },
    select: { id: true, authorStudentId: true, authorName: true, origin: true, blogCommentId: true, blogStatus: true, deletedAt: true },
  });

  const scrubber = createScrubber([
    ...ids,
    // A pseudonym names the student too (the DM telling them it was approved carries it).
    ...students.flatMap((s) => [
      s.displayName,
      s.email,
      s.blogUserId,
      s.blogUsername,
      s.pseudonym,
      s.discordUserId,
      ...s.linkClaims.map((c) => c.blogUsername),
    ]),
    ...essays.flatMap((e) => [e.authorName, e.authorBlogUserId]),
    ...comments.map((c) => c.authorName),
  ]);

  const idSet = new Set(ids);
  const theirs = comments.filter((c) => c.authorStudentId && idSet.has(c.authorStudentId));
  const reminderWhere = { courseId, OR: [{ studentId: { in: ids } }, { assignment: { reviewerStudentId: { in: ids } } }] };
  const tally: TallyIncrement = {
    purgedStudents: ids.length,
    essays: essays.filter((e) => e.authorStudentId && idSet.has(e.authorStudentId)).length,
    commentsGiven: theirs.length,
    reviewsDone: await tx.assignment.count({ where: { reviewerStudentId: { in: ids }, status: { in: DONE } } }),
    remindersSent: await tx.reminder.count({ where: { ...reminderWhere, status: 'sent' } }),
  };
  const live = (status: string) => status !== 'trash' && status !== 'spam' && status !== 'deleted';
  // One read of their uploads: each file is counted for staff, each comment with files gets one deletion effect.
  const uploads = await tx.replyMedia.findMany({ where: { commentId: { in: comments.map((c) => c.id) } }, select: { commentId: true } });
  const remainsElsewhere: RemainsElsewhere = {
    discordMessages: theirs.filter((c) => c.origin === 'discord' && !c.deletedAt).length,
    blogComments: theirs.filter((c) => c.blogCommentId && live(c.blogStatus)).length,
    blogEssays: essays.filter((e) => e.blogStatus === 'published').length,
    // Read before the rows go, so staff are told the deletions are under way rather than "Done" alone.
    blogFilesBeingDeleted: uploads.length,
  };

  const outbox = await scrubOutbox(tx, { courseId, commentIds: new Set(comments.map((c) => c.id)), scrubber });
  // Files uploaded for their replies are theirs, not the blog's: deleted from the media library, after the rest.
  for (const commentId of new Set(uploads.map((u) => u.commentId))) await enqueueReplyMediaDeletion(tx, { courseId, commentId }, now);
  const essaysAnonymised = (
    await tx.essay.updateMany({ where: { id: { in: essays.map((e) => e.id) } }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } })
  ).count;
  const commentsAnonymised = (
    await tx.comment.updateMany({ where: { id: { in: comments.map((c) => c.id) } }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } })
  ).count;
  const reminders = (await tx.reminder.deleteMany({ where: reminderWhere })).count;
  const reviewAssignments = (await tx.assignment.deleteMany({ where: { reviewerStudentId: { in: ids } } })).count;
  const linkClaims = (await tx.linkClaim.deleteMany({ where: { studentId: { in: ids } } })).count;
  const auditTargetsCleared = (await tx.auditEntry.updateMany({ where: { targetStudentId: { in: ids } }, data: { targetStudentId: null } })).count;
  // What they did themselves (e.g. a staff command they were refused) stays in the log, by nobody in particular.
  const discordIds = students.flatMap((s) => (s.discordUserId ? [s.discordUserId] : []));
  const auditActorsAnonymised =
    discordIds.length === 0
      ? 0
      : (
          await tx.auditEntry.updateMany({
            where: { actorUserId: { in: discordIds }, OR: [{ courseId }, { courseId: null, guildId }] },
            data: { actorUserId: ANONYMOUS_ACTOR },
          })
        ).count;
  const texts = await scrubCourseTexts(tx, { courseId, guildId, scrubber });
  const removed = (await tx.student.deleteMany({ where: { id: { in: ids } } })).count;
  await addToTally(tx, courseId, tally);

  return {
    counts: {
      students: removed,
      linkClaims,
      reminders,
      reviewAssignments,
      essaysAnonymised,
      commentsAnonymised,
      outboxDeleted: outbox.deleted,
      outboxRedacted: outbox.redacted,
      confirmationsRemoved: texts.confirmationsRemoved,
      auditTargetsCleared,
      auditActorsAnonymised,
      auditDetailsScrubbed: texts.auditDetails,
      otherTextsScrubbed: texts.otherTexts,
    },
    tally,
    remainsElsewhere,
  };
}
