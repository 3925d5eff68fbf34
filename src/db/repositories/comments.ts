import type { Db, Tx } from '../client.js';

// Comment rows as the blog-comment effects (a Discord reply on its way to the blog) and the thread read-back see them.

/** Of these Discord message ids, the ones already recorded as comments (a reply is recorded once, by its id). */
export async function recordedDiscordMessages(db: Db, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.comment.findMany({ where: { discordMessageId: { in: messageIds } }, select: { discordMessageId: true } });
  return new Set(rows.flatMap((r) => (r.discordMessageId ? [r.discordMessageId] : [])));
}

/** The Discord message ids of an essay's replies recorded and not deleted: what its thread should still hold. */
export async function undeletedDiscordReplies(db: Db, essayId: string): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { essayId, origin: 'discord', deletedAt: null, discordMessageId: { not: null } },
    select: { discordMessageId: true },
  });
  return rows.flatMap((r) => (r.discordMessageId ? [r.discordMessageId] : []));
}

/** What writing a Discord reply to the blog needs: the comment, its essay's post and thread, its author's blog identity. */
export function commentToWrite(db: Db, commentId: string) {
  return db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      blogCommentId: true,
      deletedAt: true,
      authorName: true,
      courseId: true,
      essayId: true,
      discordMessageId: true,
      essay: { select: { blogPostId: true, threadId: true } },
      author: { select: { displayName: true, email: true, blogUserId: true } },
    },
  });
}

/** Records the blog comment a Discord reply became and what WordPress did with it: the reply is mirrored. */
export async function markCommentWritten(tx: Tx, commentId: string, written: { blogCommentId: string; blogStatus: string }): Promise<void> {
  await tx.comment.update({
    where: { id: commentId },
    data: { blogCommentId: written.blogCommentId, blogStatus: written.blogStatus, mirrorState: 'mirrored' },
  });
}

/** What a queued edit needs: the blog comment (null until written), the reply's message and the newest recorded edit (time, text hash). */
export function commentEditState(
  db: Db,
  commentId: string,
): Promise<{ blogCommentId: string | null; courseId: string; discordMessageId: string | null; discordEditedAt: Date | null; contentHash: string }> {
  return db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { blogCommentId: true, courseId: true, discordMessageId: true, discordEditedAt: true, contentHash: true },
  });
}

/** The comment's blog comment (null until written) and its course. */
export function commentBlogRef(db: Db, commentId: string): Promise<{ blogCommentId: string | null; courseId: string }> {
  return db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { blogCommentId: true, courseId: true } });
}

/** Records what WordPress did with the comment: 'approved' | 'hold' | 'spam' | 'trash'. */
export async function setCommentBlogStatus(tx: Tx, commentId: string, blogStatus: string): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data: { blogStatus } });
}

/** Where a reply's moderation mark goes: its Discord message (null for a blog-born comment) and its essay's thread. */
export function commentMarkTarget(db: Db, commentId: string): Promise<{ discordMessageId: string | null; essay: { threadId: string | null } }> {
  return db.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: { discordMessageId: true, essay: { select: { threadId: true } } },
  });
}

export async function commentCourseId(db: Db, commentId: string): Promise<string> {
  return (await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { courseId: true } })).courseId;
}
