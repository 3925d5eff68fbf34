import type { SyncContext } from './sync-context.js';
import { pollCourseEssays, type PollSummary } from './essays/poll-essays.js';
import { pollBlogComments, type CommentPollSummary } from './comments/poll-blog-comments.js';
import { drainOutbox, type DrainSummary } from './outbox/outbox-worker.js';
import { effectHandlers } from './effect-registry.js';

/** A full pass for one course: new essays, blog comments (all essays when reconciling), then the effects. */
export async function syncCourseNow(ctx: SyncContext, courseId: string, options: { reconcileAll?: boolean } = {}): Promise<{ essays: PollSummary; comments: CommentPollSummary; effects: DrainSummary }> {
  const essays = await pollCourseEssays(ctx, courseId);
  let effects = await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
  const comments = await pollBlogComments(ctx, courseId, { all: options.reconcileAll ?? false });
  const more = await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
  effects = { done: effects.done + more.done, retried: effects.retried + more.retried, dead: effects.dead + more.dead };
  return { essays, comments, effects };
}
