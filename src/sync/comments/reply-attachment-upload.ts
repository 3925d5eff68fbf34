import { z } from 'zod';
import { BlogError, type BlogMedia } from '../../ports/blog-source.js';
import { relinkAttachments } from '../../core/format/index.js';
import { commentCourseId } from '../../db/repositories/comments.js';
import { doneUploadResults, recordReplyMedia } from '../../db/repositories/reply-media.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import { enqueueEffect, type Tx } from '../../outbox/outbox-store.js';
import type { SyncDeps } from '../../context.js';
import { downloadAttachment } from './attachment-download.js';
import { mediaUploadRefused } from './media-upload-notice.js';

/** One outbox step per attachment of a Discord reply, named by the message and the attachment's place in it. */
const uploadKeyPrefix = (messageId: string) => `media:${messageId}:`;

const uploaded = z.object({ from: z.string(), to: z.string() });

/**
 * Queues the upload of a reply's attachments to the blog's media library, in the transaction that records the
 * reply; returns the keys the blog comment must wait for. Discord's attachment links are signed and expire
 * within about a day, so the comment links the blog's copy instead.
 */
export async function enqueueAttachmentUploads(
  tx: Tx,
  input: { courseId: string; commentId: string; messageId: string; attachments: Array<{ filename: string; url: string }> },
  now: Date,
): Promise<string[]> {
  const keys: string[] = [];
  for (const [index, attachment] of input.attachments.entries()) {
    const dedupeKey = `${uploadKeyPrefix(input.messageId)}${index}`;
    // The slug is how a retry finds an upload whose answer was lost (WordPress keeps slugs unique).
    const payload = { commentId: input.commentId, url: attachment.url, filename: attachment.filename, slug: `discord-${input.messageId}-${index}` };
    await enqueueEffect(tx, { courseId: input.courseId, kind: uploadReplyAttachment.kind, dedupeKey, orderKey: `comment:${input.commentId}`, payload }, now);
    keys.push(dedupeKey);
  }
  return keys;
}

export const uploadReplyAttachment = defineEffect({
  kind: 'blog.upload_attachment',
  payload: z.object({ commentId: z.string(), url: z.string(), filename: z.string(), slug: z.string() }),
  async run(ctx, { commentId, url, filename, slug }, attempt) {
    const courseId = await commentCourseId(ctx.db, commentId);
    const blog = await ctx.blogFor(courseId);
    // The file is recorded for good (outbox results are pruned), so deleting the reply or its author can delete it.
    const done = (media: BlogMedia) => ({
      result: { from: url, to: media.url, mediaId: media.id },
      record: (tx: Tx) => recordReplyMedia(tx, { courseId, commentId, blogMediaId: media.id, uploadedAt: ctx.clock.now() }),
    });
    if (!blog.uploadMedia || !blog.findMedia) return { result: { kept: 'link', reason: 'no media library' } };
    if (attempt > 1) {
      const earlier = await blog.findMedia(slug);
      if (earlier) return done(earlier);
    }
    const file = await downloadAttachment(url);
    if (file.kind !== 'ok') return { result: { kept: 'link', reason: file.kind } };
    try {
      return done(await blog.uploadMedia({ filename, contentType: file.contentType, data: file.data, slug }));
    } catch (error) {
      // The bot's blog account may not upload files: the reply keeps Discord's link, and staff are told once.
      if (!(error instanceof BlogError && error.kind === 'auth' && error.code === 'rest_cannot_create')) throw error;
      return { result: { kept: 'link', reason: 'no upload_files capability' }, record: (tx) => mediaUploadRefused(tx, courseId, ctx.clock.now()) };
    }
  },
});

/** The reply's HTML with each attachment link pointing at its uploaded copy, where there is one. */
export async function withUploadedAttachments(ctx: SyncDeps, discordMessageId: string | null, html: string): Promise<string> {
  if (!discordMessageId) return html;
  const results = await doneUploadResults(ctx.db, uploadKeyPrefix(discordMessageId));
  const copies = results.flatMap((result) => {
    const parsed = uploaded.safeParse(result ? JSON.parse(result) : null);
    return parsed.success ? [parsed.data] : [];
  });
  return relinkAttachments(html, copies);
}
