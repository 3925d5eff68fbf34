import type { SyncDeps } from '../context.js';
import { pollCourseEssays, type PollSummary } from './essays/poll-essays.js';
import { pollBlogComments, type CommentPollSummary } from './comments/poll-blog-comments.js';
import { pollPushedPostComments } from './comments/poll-pushed-posts.js';
import { drainOutbox, type DrainOptions, type DrainSummary } from '../outbox/outbox-worker.js';
import { effectHandlers } from './effect-registry.js';

/** Checks, inside each transaction that records work, that this process still holds the course's lease. */
export type CourseFence = NonNullable<DrainOptions['fence']>;

export interface CourseSyncOptions {
  /** The course lease's fence: applied to the poll's writes as well as to completed effects. */
  fence?: CourseFence;
  /** How long a claimed effect keeps other drainers off (the lease period in the job). */
  claimMs?: number;
  /** Compare every essay's comments, not only recent essays' (the periodic sweep, /sync now). */
  reconcileAll?: boolean;
  /** Aborted on shutdown: the effect in hand finishes, no other is started. */
  stop?: AbortSignal;
  /** Blog post ids pushed comment notifications named: read even when older than the recent window. */
  pushedPosts?: string[];
}

export interface CourseSyncSummary {
  essays: PollSummary;
  comments: CommentPollSummary;
  effects: DrainSummary;
}

/**
 * The one course tick, run by the sync job and by /sync now: new and changed essays, then their new
 * threads (before comments: the comment poll can take many requests on a large course), then blog
 * comments, then the effects they need. Safe to run twice; a blog outage throws BlogError after it is
 * recorded, and a lost lease throws LeaseLostError with nothing written under it.
 */
export async function syncCourse(ctx: SyncDeps, courseId: string, options: CourseSyncOptions = {}): Promise<CourseSyncSummary> {
  const { fence, claimMs, stop } = options;
  const drain = () => drainOutbox(ctx, effectHandlers, { courseIds: [courseId], fence, claimMs, stop });
  const essays = await pollCourseEssays(ctx, courseId, { fence });
  const first = await drain();
  const comments = await pollBlogComments(ctx, courseId, { all: options.reconcileAll ?? false, fence });
  // The sweep has read every essay already.
  if (!options.reconcileAll) await pollPushedPostComments(ctx, courseId, options.pushedPosts ?? [], { fence });
  const more = await drain();
  const effects = { done: first.done + more.done, retried: first.retried + more.retried, dead: first.dead + more.dead };
  return { essays, comments, effects };
}
