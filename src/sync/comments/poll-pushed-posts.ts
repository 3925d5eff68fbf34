import { BlogError } from '../../ports/blog-source.js';
import { olderEssaysOfPosts } from '../../db/repositories/essay-records.js';
import { courseCommentPollState } from '../../db/repositories/sync-courses.js';
import { linkByVerifiedEmail } from '../../roster/link-by-verified-email.js';
import { recordBlogFailure } from '../blog-health.js';
import type { SyncDeps } from '../../context.js';
import { reconcileEssayComments, recentWindowMs } from './poll-blog-comments.js';
import type { CommentFence, CommentPollSummary } from './record-comment-change.js';

/**
 * A pushed comment notification names its post. The ordinary poll compares only recent essays (the
 * 6-hourly sweep covers the rest), so a comment on an older essay would wait hours: its essay's comments
 * are read here at once, one listing per named post. Recent essays are left to the ordinary poll, which
 * reads them anyway. Like the poll, safe to run twice.
 */
export async function pollPushedPostComments(
  ctx: SyncDeps,
  courseId: string,
  blogPostIds: string[],
  options: { fence?: CommentFence } = {},
): Promise<CommentPollSummary> {
  const summary: CommentPollSummary = { essays: 0, posted: 0, edited: 0, removed: 0, marked: 0 };
  if (blogPostIds.length === 0) return summary;
  const course = await courseCommentPollState(ctx.db, courseId);
  if (course.status === 'paused' || course.status === 'archived' || course.blogKind === 'feed') return summary;
  const since = new Date(ctx.clock.now().getTime() - recentWindowMs);
  const essays = await olderEssaysOfPosts(ctx.db, courseId, blogPostIds, since);
  if (essays.length === 0) return summary;
  try {
    const blog = await ctx.blogFor(courseId);
    const { canModerate } = await blog.verify();
    const statuses = canModerate ? (['approved', 'hold', 'spam', 'trash'] as const) : (['approved'] as const);
    for (const essay of essays) {
      const listing = await blog.listCommentListing({ blogPostId: essay.blogPostId, since: null, statuses: [...statuses] });
      await linkByVerifiedEmail(ctx.db, { courseId, comments: listing.comments, accountEmail: async (id) => (await blog.findUser({ id }))?.email ?? null });
      await reconcileEssayComments(
        ctx,
        { courseId, essayId: essay.id, comments: listing.comments, complete: canModerate && listing.complete, fence: options.fence },
        summary,
      );
      summary.essays += 1;
    }
  } catch (error) {
    if (error instanceof BlogError) await recordBlogFailure(ctx, courseId, error);
    throw error;
  }
  ctx.log.debug({ courseId, ...summary }, 'pushed older essays’ comments compared');
  return summary;
}
