import type { Db, Tx } from '../client.js';

// Blog-born comments and their mirrors in the essay threads: what the comment poll records (every change conditional
// on the row's mirrorRevision, so two polls at once record it once) and what the mirror effects keep.

/** A recorded comment of an essay as the comment poll compares it with the blog. */
export interface KnownComment {
  id: string;
  origin: string;
  blogCommentId: string | null;
  contentHash: string;
  blogStatus: string;
  deletedAt: Date | null;
  mirrorRevision: number;
}

/** Every comment recorded on an essay, whichever side it was born on. */
export function knownCommentsOfEssay(db: Db, essayId: string): Promise<KnownComment[]> {
  return db.comment.findMany({
    where: { essayId },
    select: { id: true, origin: true, blogCommentId: true, contentHash: true, blogStatus: true, deletedAt: true, mirrorRevision: true },
  });
}

/** The comment recorded for a blog comment, with the name a reply to it shows; null when it is not recorded. */
export function commentByBlogId(
  tx: Tx,
  courseId: string,
  blogCommentId: string,
): Promise<{ id: string; authorName: string | null; author: { displayName: string } | null } | null> {
  return tx.comment.findUnique({
    where: { courseId_blogCommentId: { courseId, blogCommentId } },
    select: { id: true, authorName: true, author: { select: { displayName: true } } },
  });
}

/** A blog-born comment as the poll first records it. */
export interface NewBlogComment {
  courseId: string;
  essayId: string;
  blogCommentId: string;
  parentCommentId: string | null;
  authorStudentId: string | null;
  authorBlogUserId: string | null;
  authorName: string | null;
  wordCount: number;
  contentHash: string;
  writtenAt: Date;
}

/** Records a blog-born comment as approved; its id. Another poll that recorded it first makes this a unique violation. */
export async function insertBlogComment(tx: Tx, comment: NewBlogComment): Promise<string> {
  const row = await tx.comment.create({
    data: {
      courseId: comment.courseId,
      essayId: comment.essayId,
      origin: 'blog',
      blogCommentId: comment.blogCommentId,
      parentCommentId: comment.parentCommentId,
      authorStudentId: comment.authorStudentId,
      authorBlogUserId: comment.authorBlogUserId,
      authorName: comment.authorName,
      wordCount: comment.wordCount,
      contentHash: comment.contentHash,
      blogStatus: 'approved',
      writtenAt: comment.writtenAt,
    },
    select: { id: true },
  });
  return row.id;
}

/** What a change the poll records may set on a comment. */
export interface CommentRevisionChange {
  blogStatus?: string;
  deletedAt?: Date | null;
  contentHash?: string;
  wordCount?: number;
}

/** Applies the change and bumps mirrorRevision to `revision + 1`, only if the row is still at `revision`: false when another poll changed it first. */
export async function claimCommentRevision(tx: Tx, commentId: string, revision: number, change: CommentRevisionChange): Promise<boolean> {
  const updated = await tx.comment.updateMany({ where: { id: commentId, mirrorRevision: revision }, data: { ...change, mirrorRevision: revision + 1 } });
  return updated.count === 1;
}

/** Where a comment's mirror is: its essay's thread (null until created) and the course's guild and channel, and the mirror's message ids (JSON). */
export function commentMirrorPlace(db: Db, commentId: string) {
  return db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { mirrorMessageIds: true, essay: { select: { threadId: true, starterMessageId: true, course: { select: { guildId: true, channelId: true } } } } },
  });
}

/** Keeps the ids of the messages the mirror is now made of. */
export async function setMirrorMessageIds(tx: Tx | Db, commentId: string, messageIds: string[]): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data: { mirrorMessageIds: JSON.stringify(messageIds) } });
}

/** The mirror is posted in full: its message ids, and the comment marked mirrored. */
export async function markCommentMirrored(tx: Tx, commentId: string, messageIds: string[]): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data: { mirrorState: 'mirrored', mirrorMessageIds: JSON.stringify(messageIds) } });
}
