import { BlogError } from '../../ports/blog-source.js';
import { textFingerprint } from '../../core/comments/fingerprint.js';
import { planListedComment, planUnlistedComment, type StoredComment } from '../../core/comments/plan-comment-sync.js';
import type { BlogComment } from '../../core/types.js';
import { knownCommentsOfEssay, type KnownComment } from '../../db/repositories/comment-mirrors.js';
import { essaysToCompareComments } from '../../db/repositories/essay-records.js';
import { courseCommentPollState } from '../../db/repositories/sync-courses.js';
import { recordBlogFailure, recordBlogSuccess } from '../blog-health.js';
import { announceBlogRecovery } from '../course-alerts.js';
import { confirmPendingClaims } from '../../roster/confirm-pending-claims.js';
import { studentForBlogComment } from '../../roster/link-claims.js';
import { linkByVerifiedEmail } from '../../roster/link-by-verified-email.js';
import type { SyncDeps } from '../../context.js';
import { recordCommentAction, type CommentFence, type CommentPollSummary } from './record-comment-change.js';

export type { CommentPollSummary } from './record-comment-change.js';

/** Essays whose comments are compared on every poll; older ones are covered by the reconcile sweep. */
export const recentWindowMs = 45 * 24 * 3_600_000;

export interface CommentPollOptions {
  /** Every essay, not only recent ones (the reconcile sweep). */
  all?: boolean;
  /** Checked inside every transaction the poll writes (the course lease): a fenced-out poll writes nothing. */
  fence?: CommentFence;
  /** Paging of the blog's comment listing (defaults: 1,000 pages of 100 per status). */
  listing?: { perPage?: number; maxPages?: number };
}

/**
 * Compares the blog's comments with what the bot knows, for the course's recent essays (or all, for the
 * reconcile sweep), and records the Discord effects that bring the thread in line. Safe to run twice, and
 * twice at once: every change is recorded by a conditional write, so the second poll records nothing.
 */
export async function pollBlogComments(ctx: SyncDeps, courseId: string, options: CommentPollOptions = {}): Promise<CommentPollSummary> {
  const summary: CommentPollSummary = { essays: 0, posted: 0, edited: 0, removed: 0, marked: 0 };
  const course = await courseCommentPollState(ctx.db, courseId);
  if (course.status === 'paused' || course.status === 'archived' || course.blogKind === 'feed') return summary;
  // A /link code counts on any post or page, before any essay thread exists: read apart from the essays.
  await confirmPendingClaims(ctx, courseId);
  const since = new Date(ctx.clock.now().getTime() - recentWindowMs);
  const essays = await essaysToCompareComments(ctx.db, courseId, options.all ? null : since);
  if (essays.length === 0) return summary;
  try {
    const blog = await ctx.blogFor(courseId);
    const { canModerate } = await blog.verify();
    // One course-wide listing (a few pages per status) instead of one per essay: a comment on an essay
    // is never older than the essay, so the oldest essay in the window bounds the listing.
    const statuses = canModerate ? (['approved', 'hold', 'spam', 'trash'] as const) : (['approved'] as const);
    const listing = await blog.listCommentListing({ since: options.all ? null : essays[0]!.publishedAt, statuses: [...statuses], ...options.listing });
    // A registered commenter whose account e-mail is a verified roster e-mail is linked too (never a guest's typed e-mail).
    await linkByVerifiedEmail(ctx.db, { courseId, comments: listing.comments, accountEmail: async (id) => (await blog.findUser({ id }))?.email ?? null });
    const byPost = new Map<string, BlogComment[]>();
    for (const comment of listing.comments) {
      const list = byPost.get(comment.blogPostId);
      if (list) list.push(comment);
      else byPost.set(comment.blogPostId, [comment]);
    }
    // Without moderation rights held and trashed comments are invisible, so absence proves nothing either.
    const complete = canModerate && listing.complete;
    for (const essay of essays) {
      await reconcileEssayComments(ctx, { courseId, essayId: essay.id, comments: byPost.get(essay.blogPostId) ?? [], complete, fence: options.fence }, summary);
      summary.essays += 1;
    }
  } catch (error) {
    if (error instanceof BlogError) await recordBlogFailure(ctx, courseId, error);
    throw error;
  }
  await announceBlogRecovery(ctx, courseId, await recordBlogSuccess(ctx, courseId));
  ctx.log.debug({ courseId, ...summary, all: options.all ?? false }, 'blog comments compared');
  return summary;
}

export async function reconcileEssayComments(
  ctx: SyncDeps,
  input: { courseId: string; essayId: string; comments: BlogComment[]; complete: boolean; fence: CommentFence | undefined },
  summary: CommentPollSummary,
): Promise<void> {
  const known: KnownComment[] = await knownCommentsOfEssay(ctx.db, input.essayId);
  const byBlogId = new Map(known.filter((c) => c.blogCommentId).map((c) => [c.blogCommentId!, c]));
  // Discord replies whose blog comment is being created right now: never mirror those back (no echo).
  const inFlight = new Set(known.filter((c) => c.origin === 'discord' && !c.blogCommentId).map((c) => c.contentHash));
  const seen = new Set<string>();
  const target = { courseId: input.courseId, essayId: input.essayId, fence: input.fence };
  for (const blogComment of [...input.comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    seen.add(blogComment.blogCommentId);
    const hash = textFingerprint(blogComment.contentHtml);
    const mine = byBlogId.get(blogComment.blogCommentId) ?? null;
    const action = planListedComment({ stored: mine && stored(mine), status: blogComment.status, contentHash: hash, echoOfDiscordReply: inFlight.has(hash) });
    if (action.kind === 'ignore') continue;
    // By the linked blog account, else unattributed (listed in reports).
    const author = action.kind === 'post' ? await studentForBlogComment(ctx.db, input.courseId, { blogUserId: blogComment.authorBlogUserId }) : null;
    await recordCommentAction(ctx, target, { action, mine, blogComment, hash, authorStudentId: author?.studentId ?? null }, summary);
  }
  // A blog-born comment that no longer exists at all (deleted permanently): remove its mirror too.
  for (const mine of known) {
    if (!mine.blogCommentId || seen.has(mine.blogCommentId)) continue;
    const action = planUnlistedComment({ stored: stored(mine), listingComplete: input.complete });
    if (action.kind !== 'ignore')
      await recordCommentAction(ctx, target, { action, mine, blogComment: null, hash: mine.contentHash, authorStudentId: null }, summary);
  }
}

function stored(row: KnownComment): StoredComment {
  return { origin: row.origin === 'discord' ? 'discord' : 'blog', contentHash: row.contentHash, blogStatus: row.blogStatus, removed: row.deletedAt !== null };
}
