import { z } from 'zod';
import { BlogError, type BlogSource } from '../../blog/blog-source.js';
import { textFingerprint } from '../../core/comments/fingerprint.js';
import type { BlogComment } from '../../core/types.js';
import { defineEffect } from '../outbox/effect-handler.js';
import { enqueueEffect } from '../outbox/outbox-store.js';
import type { SyncContext } from '../sync-context.js';
import { moderationMark } from './moderation-effects.js';

/** The blog comment a previous, interrupted try created for this text, if any. */
async function findExisting(blog: BlogSource, blogPostId: string, html: string): Promise<BlogComment | null> {
  const wanted = textFingerprint(html);
  const comments = await blog.listComments({ blogPostId, statuses: ['approved', 'hold'] }).catch(() => blog.listComments({ blogPostId }));
  return comments.find((c) => textFingerprint(c.contentHtml) === wanted) ?? null;
}

async function parentBlogCommentId(ctx: SyncContext, replyToMessageId: string | null): Promise<string | null> {
  if (!replyToMessageId) return null;
  const direct = await ctx.db.comment.findUnique({ where: { discordMessageId: replyToMessageId }, select: { blogCommentId: true } });
  if (direct) return direct.blogCommentId;
  // A reply to a mirrored blog comment: its webhook message ids are kept on the comment.
  const mirrored = await ctx.db.comment.findFirst({ where: { mirrorMessageIds: { contains: `"${replyToMessageId}"` } }, select: { blogCommentId: true } });
  return mirrored?.blogCommentId ?? null;
}

/**
 * Writes a Discord reply to the blog as the student (when linked and the bot may moderate) or under
 * their roster name. A 409 comment_duplicate or an interrupted earlier try is resolved by finding the
 * comment that already exists, never by writing a second one.
 */
export const createBlogComment = defineEffect({
  kind: 'blog.create_comment',
  payload: z.object({ commentId: z.string(), html: z.string(), replyToMessageId: z.string().nullable() }),
  async run(ctx, { commentId, html, replyToMessageId }, attempt) {
    const comment = await ctx.db.comment.findUniqueOrThrow({
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
    if (comment.blogCommentId) return { result: { blogCommentId: comment.blogCommentId, reused: true } };
    const blog = await ctx.blogFor(comment.courseId);
    const blogPostId = comment.essay.blogPostId;
    let created = attempt > 1 ? await findExisting(blog, blogPostId, html) : null;
    if (!created) {
      const { canModerate } = await blog.verify();
      try {
        created = await blog.createComment({
          blogPostId,
          parentBlogCommentId: await parentBlogCommentId(ctx, replyToMessageId),
          contentHtml: html,
          authorBlogUserId: canModerate ? (comment.author?.blogUserId ?? null) : null,
          authorName: comment.author?.displayName ?? comment.authorName ?? 'Discord member',
          authorEmail: comment.author?.email ?? null,
          requestApproved: canModerate,
        });
      } catch (error) {
        if (!(error instanceof BlogError && error.kind === 'duplicate')) throw error;
        created = await findExisting(blog, blogPostId, html);
        if (!created) throw new BlogError('unavailable', 'WordPress reported a duplicate comment that cannot be found yet');
      }
    }
    const found = created;
    return {
      result: { blogCommentId: found.blogCommentId, status: found.status },
      record: async (tx) => {
        await tx.comment.update({ where: { id: commentId }, data: { blogCommentId: found.blogCommentId, blogStatus: found.status, mirrorState: 'mirrored' } });
        if (found.status !== 'approved' && comment.discordMessageId && comment.essay.threadId) {
          await enqueueEffect(tx, { courseId: comment.courseId, kind: moderationMark.kind, dedupeKey: `mark:${commentId}:${found.status}`, orderKey: `comment:${commentId}`, payload: { commentId, status: found.status } }, ctx.clock.now());
        }
        // Deleted in Discord while the comment was on its way: trash it now that it exists.
        if (comment.deletedAt) {
          await enqueueEffect(tx, { courseId: comment.courseId, kind: 'blog.trash_comment', dedupeKey: `blog-trash:${commentId}`, orderKey: `comment:${commentId}`, payload: { commentId } }, ctx.clock.now());
        }
      },
    };
  },
});

export const updateBlogComment = defineEffect({
  kind: 'blog.update_comment',
  payload: z.object({ commentId: z.string(), html: z.string() }),
  async run(ctx, { commentId, html }) {
    const comment = await ctx.db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { blogCommentId: true, courseId: true } });
    if (!comment.blogCommentId) throw new BlogError('unavailable', 'the blog comment is not created yet');
    const blog = await ctx.blogFor(comment.courseId);
    await blog.updateComment(comment.blogCommentId, html);
    return {};
  },
});

export const trashBlogComment = defineEffect({
  kind: 'blog.trash_comment',
  payload: z.object({ commentId: z.string() }),
  async run(ctx, { commentId }) {
    const comment = await ctx.db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { blogCommentId: true, courseId: true } });
    // Not on the blog yet: the create effect sees deletedAt and trashes it once it exists.
    if (!comment.blogCommentId) return { result: { skipped: 'not created yet' } };
    const blog = await ctx.blogFor(comment.courseId);
    try {
      await blog.trashComment(comment.blogCommentId);
    } catch (error) {
      if (!(error instanceof BlogError && error.kind === 'not_found')) throw error;
    }
    return { record: (tx) => tx.comment.update({ where: { id: commentId }, data: { blogStatus: 'trash' } }) };
  },
});
