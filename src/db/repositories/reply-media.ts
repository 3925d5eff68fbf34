import type { Db, Tx } from '../client.js';

// The files the bot uploaded to the blog's media library for a Discord reply's attachments (ReplyMedia), and the
// results of the upload steps (their outbox rows), which say which Discord link each uploaded copy replaces.

/** The files uploaded for a reply, with the blog media id each one has there. */
export function replyMediaFiles(db: Db, commentId: string): Promise<Array<{ id: string; courseId: string; blogMediaId: string }>> {
  return db.replyMedia.findMany({ where: { commentId }, select: { id: true, courseId: true, blogMediaId: true } });
}

/** Forgets uploaded files once they are deleted from the blog. */
export async function forgetReplyMedia(tx: Tx, ids: string[]): Promise<void> {
  await tx.replyMedia.deleteMany({ where: { id: { in: ids } } });
}

/** Records a file uploaded for a reply, once per blog media id: a retry that found the earlier upload changes nothing. */
export async function recordReplyMedia(tx: Tx, file: { courseId: string; commentId: string; blogMediaId: string; uploadedAt: Date }): Promise<void> {
  await tx.replyMedia.upsert({
    where: { courseId_blogMediaId: { courseId: file.courseId, blogMediaId: file.blogMediaId } },
    create: { courseId: file.courseId, commentId: file.commentId, blogMediaId: file.blogMediaId, uploadedAt: file.uploadedAt },
    update: {},
  });
}

/** The results (JSON, null when none) of the finished upload steps whose dedupeKey starts with `keyPrefix`. */
export async function doneUploadResults(db: Db, keyPrefix: string): Promise<Array<string | null>> {
  const steps = await db.outboxItem.findMany({
    where: { dedupeKey: { startsWith: keyPrefix }, status: 'done' },
    select: { result: true },
  });
  return steps.map((s) => s.result);
}
