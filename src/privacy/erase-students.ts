import type { Tx } from '../db/client.js';
import {
  creditedToStudents,
  deleteStudentRows,
  detachStudentRows,
  studentsToErase,
  uploadsOfComments,
  workAttributedTo,
} from '../db/repositories/erase-students.js';
import { enqueueReplyMediaDeletion } from '../sync/comments/reply-media-delete.js';
import { addToTally, type TallyIncrement } from '../db/repositories/tally-anonymous.js';
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

/**
 * Removes the given roster students' personal data from every table, inside the caller's transaction.
 * Essays and comments stay as anonymous rows (their ids keep the blog and Discord in step); what was
 * counted for the students moves to the course's AnonymousTally so totals stay right.
 */
export async function eraseStudents(tx: Tx, input: { courseId: string; guildId: string; studentIds: string[]; now: Date }): Promise<EraseResult> {
  const { courseId, guildId, now } = input;
  const students = await studentsToErase(tx, courseId, input.studentIds);
  const ids = students.map((s) => s.id);
  const names = students.flatMap((s) => [s.displayName, s.blogUsername].filter((v): v is string => Boolean(v)));
  const blogIds = students.flatMap((s) => (s.blogUserId ? [s.blogUserId] : []));

  // Rows the blog still attributes to them: linked, or by blog id / name from before they were linked.
  const { essays, comments } = await workAttributedTo(tx, courseId, { ids, names, blogIds });

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
  const tally: TallyIncrement = {
    purgedStudents: ids.length,
    essays: essays.filter((e) => e.authorStudentId && idSet.has(e.authorStudentId)).length,
    commentsGiven: theirs.length,
    // Reviews they completed and reminders they were sent.
    ...(await creditedToStudents(tx, courseId, ids)),
  };
  const live = (status: string) => status !== 'trash' && status !== 'spam' && status !== 'deleted';
  // One read of their uploads: each file is counted for staff, each comment with files gets one deletion effect.
  const uploads = await uploadsOfComments(
    tx,
    comments.map((c) => c.id),
  );
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
  // Their essays and comments lose their names, then their reminders, reviews to do, claims and audit targets go.
  const detached = await detachStudentRows(tx, {
    courseId,
    guildId,
    ids,
    essayIds: essays.map((e) => e.id),
    commentIds: comments.map((c) => c.id),
    // What they did themselves (e.g. a staff command they were refused) stays in the log, by nobody in particular.
    discordIds: students.flatMap((s) => (s.discordUserId ? [s.discordUserId] : [])),
    anonymousActor: ANONYMOUS_ACTOR,
  });
  const texts = await scrubCourseTexts(tx, { courseId, guildId, scrubber });
  const removed = await deleteStudentRows(tx, ids);
  await addToTally(tx, courseId, tally);

  return {
    counts: {
      students: removed,
      linkClaims: detached.linkClaims,
      reminders: detached.reminders,
      reviewAssignments: detached.reviewAssignments,
      essaysAnonymised: detached.essaysAnonymised,
      commentsAnonymised: detached.commentsAnonymised,
      outboxDeleted: outbox.deleted,
      outboxRedacted: outbox.redacted,
      confirmationsRemoved: texts.confirmationsRemoved,
      auditTargetsCleared: detached.auditTargetsCleared,
      auditActorsAnonymised: detached.auditActorsAnonymised,
      auditDetailsScrubbed: texts.auditDetails,
      otherTextsScrubbed: texts.otherTexts,
    },
    tally,
    remainsElsewhere,
  };
}
