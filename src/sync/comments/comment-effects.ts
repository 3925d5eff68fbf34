import { z } from 'zod';
import { BlogError } from '../../ports/blog-source.js';
import { withDiscordMarker } from '../../core/comments/discord-marker.js';
import { textFingerprint } from '../../core/comments/fingerprint.js';
import type { OwnCommentKey } from '../../core/comments/own-comment.js';
import type { BlogComment } from '../../core/types.js';
import { commentBlogRef, commentEditState, commentToWrite, markCommentWritten, setCommentBlogStatus } from '../../db/repositories/comments.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import { enqueueEffect, type Tx } from '../../outbox/outbox-store.js';
import { enqueueCommentEffect } from './comment-effect-queue.js';
import { moderationMark } from './moderation-effects.js';
import { findOwnBlogComment, parentBlogCommentId } from './own-blog-comment.js';
import { withUploadedAttachments } from './reply-attachment-upload.js';

/**
 * Writes a Discord reply to the blog as the student (when linked and the bot may moderate) or under
 * their roster name, with the bot's marker naming the Discord message. A 409 comment_duplicate or an
 * interrupted earlier try is resolved by finding the comment that try wrote (marker, post, parent and
 * author), never by writing a second one, and never by adopting a classmate's comment with the same text.
 */
export const createBlogComment = defineEffect({
  kind: 'blog.create_comment',
  // blogAuthor: the name the student chose, frozen when the reply was recorded (effects queued before have none).
  payload: z.object({
    commentId: z.string(),
    html: z.string(),
    replyToMessageId: z.string().nullable(),
    blogAuthor: z.object({ name: z.string(), asGuest: z.boolean() }).optional(),
  }),
  async run(ctx, { commentId, html, replyToMessageId, blogAuthor }, attempt) {
    const comment = await commentToWrite(ctx.db, commentId);
    if (comment.blogCommentId) return { result: { blogCommentId: comment.blogCommentId, reused: true } };
    const blog = await ctx.blogFor(comment.courseId);
    // Discord-born comments keep their message id for life (a purge keeps it too, see docs/data.md).
    if (!comment.discordMessageId) throw new Error(`comment ${commentId} has no Discord message to write to the blog`);
    const key: OwnCommentKey = {
      discordMessageId: comment.discordMessageId,
      blogPostId: comment.essay.blogPostId,
      parentBlogCommentId: await parentBlogCommentId(ctx, replyToMessageId),
      authorBlogUserId: blogAuthor?.asGuest ? null : (comment.author?.blogUserId ?? null),
      authorName: blogAuthor?.name ?? comment.author?.displayName ?? comment.authorName ?? 'Discord member',
    };
    let created: BlogComment | null = attempt > 1 ? await findOwnBlogComment(blog, key) : null;
    if (!created) {
      const { canModerate } = await blog.verify();
      try {
        created = await blog.createComment({
          blogPostId: key.blogPostId,
          parentBlogCommentId: key.parentBlogCommentId,
          contentHtml: withDiscordMarker(await withUploadedAttachments(ctx, key.discordMessageId, html), key.discordMessageId),
          authorBlogUserId: canModerate ? key.authorBlogUserId : null,
          authorName: key.authorName,
          authorEmail: blogAuthor?.asGuest ? null : (comment.author?.email ?? null),
          requestApproved: canModerate,
        });
      } catch (error) {
        if (!(error instanceof BlogError && error.kind === 'duplicate')) throw error;
        // The marker makes the text unique to this message: the duplicate is an earlier try's comment.
        created = await findOwnBlogComment(blog, key);
        if (!created) throw new BlogError('unavailable', 'WordPress reported a duplicate comment that cannot be found yet');
      }
    }
    const found = created;
    return {
      result: { blogCommentId: found.blogCommentId, status: found.status },
      record: async (tx) => {
        await markCommentWritten(tx, commentId, { blogCommentId: found.blogCommentId, blogStatus: found.status });
        if (found.status !== 'approved' && comment.discordMessageId && comment.essay.threadId) {
          await enqueueEffect(
            tx,
            {
              courseId: comment.courseId,
              kind: moderationMark.kind,
              dedupeKey: `mark:${commentId}:${found.status}`,
              orderKey: `comment:${commentId}`,
              payload: { commentId, status: found.status },
            },
            ctx.clock.now(),
          );
        }
        // Deleted in Discord while the comment was on its way: trash it now that it exists.
        if (comment.deletedAt) {
          await enqueueBlogCommentTrash(tx, { courseId: comment.courseId, commentId }, ctx.clock.now());
        }
      },
    };
  },
});

/**
 * A Discord edit on its way to the blog. `editedAt` is Discord's time of that edit: a queued edit overtaken by
 * a newer recorded one is skipped (the newer one is queued too), so however edits arrive, retry or run, the
 * blog ends on the student's last edit. Effects queued before edit times were kept have none.
 */
export const updateBlogComment = defineEffect({
  kind: 'blog.update_comment',
  payload: z.object({ commentId: z.string(), html: z.string(), editedAt: z.iso.datetime().optional() }),
  async run(ctx, { commentId, html, editedAt }) {
    const comment = await commentEditState(ctx.db, commentId);
    // Skipped only when a newer edit with other words is recorded: an edit whose words are still the latest
    // (a later event changed only capitals or spacing) must still be written.
    const overtaken = editedAt && comment.discordEditedAt && new Date(editedAt) < comment.discordEditedAt && textFingerprint(html) !== comment.contentHash;
    if (overtaken) return { result: { skipped: 'a newer edit follows' } };
    if (!comment.blogCommentId) throw new BlogError('unavailable', 'the blog comment is not created yet');
    const blog = await ctx.blogFor(comment.courseId);
    // The marker stays on every version, so the comment is still known as this message's.
    const relinked = await withUploadedAttachments(ctx, comment.discordMessageId, html);
    await blog.updateComment(comment.blogCommentId, comment.discordMessageId ? withDiscordMarker(relinked, comment.discordMessageId) : relinked);
    return {};
  },
});

export const trashBlogComment = defineEffect({
  kind: 'blog.trash_comment',
  payload: z.object({ commentId: z.string() }),
  async run(ctx, { commentId }) {
    const comment = await commentBlogRef(ctx.db, commentId);
    // Not on the blog yet: the create effect sees deletedAt and trashes it once it exists.
    if (!comment.blogCommentId) return { result: { skipped: 'not created yet' } };
    const blog = await ctx.blogFor(comment.courseId);
    try {
      await blog.trashComment(comment.blogCommentId);
    } catch (error) {
      if (!(error instanceof BlogError && error.kind === 'not_found')) throw error;
    }
    return { record: (tx) => setCommentBlogStatus(tx, commentId, 'trash') };
  },
});

/** Queues the trashing of a reply's blog comment (deleted in Discord); once per comment, whoever queues it. */
export function enqueueBlogCommentTrash(tx: Tx, target: { courseId: string; commentId: string }, now: Date): Promise<void> {
  return enqueueCommentEffect(tx, { kind: trashBlogComment.kind, dedupeKey: `blog-trash:${target.commentId}` }, target, now);
}
