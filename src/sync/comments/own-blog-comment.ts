import type { BlogSource } from '../../ports/blog-source.js';
import { isOwnComment, type OwnCommentKey } from '../../core/comments/own-comment.js';
import { commentMirroredAs, commentOfDiscordMessage } from '../../db/repositories/reply-records.js';
import type { BlogComment } from '../../core/types.js';
import type { SyncDeps } from '../../context.js';

/**
 * The blog comment an earlier, interrupted try wrote for this Discord message, if any: found by the bot's
 * marker plus post, parent and author (see isOwnComment), never by its text. Held and spam ones count, as
 * WordPress's duplicate check counts them; a bot that may not list those sees the approved ones only.
 */
export async function findOwnBlogComment(blog: BlogSource, key: OwnCommentKey): Promise<BlogComment | null> {
  const comments = await blog
    .listComments({ blogPostId: key.blogPostId, statuses: ['approved', 'hold', 'spam'] })
    .catch(() => blog.listComments({ blogPostId: key.blogPostId }));
  return comments.find((c) => isOwnComment(c, key)) ?? null;
}

/** The blog comment a Discord reply answers: a mirrored reply's own comment, or the blog comment a webhook message shows. */
export async function parentBlogCommentId(ctx: SyncDeps, replyToMessageId: string | null): Promise<string | null> {
  if (!replyToMessageId) return null;
  const direct = await commentOfDiscordMessage(ctx.db, replyToMessageId);
  if (direct) return direct.blogCommentId;
  // A reply to a mirrored blog comment: its webhook message ids are kept on the comment.
  const mirrored = await commentMirroredAs(ctx.db, replyToMessageId);
  return mirrored?.blogCommentId ?? null;
}
