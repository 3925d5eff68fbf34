import { z } from 'zod';
import { forgetReplyMedia, replyMediaFiles } from '../../db/repositories/reply-media.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import type { Tx } from '../../outbox/outbox-store.js';
import { enqueueCommentEffect } from './comment-effect-queue.js';

/**
 * Deletes from the blog's media library every file the bot uploaded for a reply's attachments (the rows of
 * ReplyMedia), once the reply is deleted in Discord or its author purged: a file left there stays public at
 * its URL. Each row goes only when its file is gone, so a crash at any point leaves the rest to the retry, and a
 * file an interrupted try already deleted counts as deleted (the adapter takes the blog's 404 as done).
 */
export const deleteReplyMedia = defineEffect({
  kind: 'blog.delete_reply_media',
  payload: z.object({ commentId: z.string() }),
  async run(ctx, { commentId }) {
    const files = await replyMediaFiles(ctx.db, commentId);
    if (files.length === 0) return { result: { deleted: 0 } };
    const blog = await ctx.blogFor(files[0]!.courseId);
    // Only a source with a media library has uploads: one without deleteMedia (a feed) cannot hold these files.
    if (!blog.deleteMedia) return { result: { deleted: 0, reason: 'the blog has no media library' } };
    for (const file of files) await blog.deleteMedia(file.blogMediaId);
    const ids = files.map((f) => f.id);
    return { result: { deleted: files.length }, record: (tx) => forgetReplyMedia(tx, ids) };
  },
});

/**
 * Queues the deletion of a reply's uploaded files. It shares the comment's orderKey, so it runs after the
 * uploads queued before it (their files are recorded by then) and after the blog comment is trashed.
 */
export async function enqueueReplyMediaDeletion(tx: Tx, input: { courseId: string; commentId: string }, now: Date): Promise<void> {
  await enqueueCommentEffect(tx, { kind: deleteReplyMedia.kind, dedupeKey: `media-delete:${input.commentId}` }, input, now);
}
