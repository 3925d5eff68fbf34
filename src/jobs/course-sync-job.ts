import { BlogError } from '../blog/blog-source.js';
import { renewLease } from '../db/leases.js';
import { pollBlogComments } from '../sync/comments/poll-blog-comments.js';
import { effectHandlers } from '../sync/effect-registry.js';
import { pollCourseEssays } from '../sync/essays/poll-essays.js';
import { drainOutbox } from '../sync/outbox/outbox-worker.js';
import { alertLongBlogOutage } from '../sync/course-alerts.js';
import { claimCourses, courseFence } from './course-leases.js';
import type { Job, JobContext } from './job.js';

/** 'drain_only' for outbox kicks; 'poll_all_now' polls every held course at once (tests, the demo). */
type TickMode = 'scheduled' | 'drain_only' | 'poll_all_now';

/**
 * Every 30 s: for each course this process holds, poll the blog when the course's interval has passed
 * (essays, then comments) and drain its outbox. A blog outage is recorded and retried on the next tick.
 */
export function courseSyncJob(): Job & { tick(ctx: JobContext, mode: TickMode): Promise<string> } {
  const lastPoll = new Map<string, number>();
  // Each poll compares recent essays; every few hours a sweep compares all of them (the missed-event repair).
  const lastFullSweep = new Map<string, number>();
  const fullSweepEveryMs = 6 * 3_600_000;
  async function tick(ctx: JobContext, mode: TickMode): Promise<string> {
    const claimed = await claimCourses(ctx);
    let polled = 0;
    let effects = 0;
    for (const { courseId, lease } of claimed) {
      // Renewed just before its work: a long tick must not let the last courses' leases lapse meanwhile.
      const renewed = await renewLease(ctx.db, { name: `course:${courseId}`, owner: ctx.owner, token: lease.token, ttlMs: ctx.config.leaseSeconds * 1_000 });
      if (!renewed) continue; // another process has it now
      const course = await ctx.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { pollIntervalMinutes: true } });
      const due = mode === 'poll_all_now' || (mode === 'scheduled' && (lastPoll.get(courseId) ?? 0) + course.pollIntervalMinutes * 60_000 <= ctx.clock.now().getTime());
      if (due) {
        lastPoll.set(courseId, ctx.clock.now().getTime());
        try {
          await pollCourseEssays(ctx, courseId);
          // New threads first: comment polling can take many requests on a large course.
          await drainOutbox(ctx, effectHandlers, { courseIds: [courseId], fence: courseFence(ctx, courseId, lease), claimMs: ctx.config.leaseSeconds * 1_000 });
          const sweepAll = (lastFullSweep.get(courseId) ?? 0) + fullSweepEveryMs <= ctx.clock.now().getTime();
          await pollBlogComments(ctx, courseId, { all: sweepAll });
          if (sweepAll) lastFullSweep.set(courseId, ctx.clock.now().getTime());
          polled += 1;
        } catch (error) {
          if (!(error instanceof BlogError)) throw error;
          await alertLongBlogOutage(ctx, courseId);
        }
      }
      const summary = await drainOutbox(ctx, effectHandlers, { courseIds: [courseId], fence: courseFence(ctx, courseId, lease), claimMs: ctx.config.leaseSeconds * 1_000 });
      effects += summary.done;
    }
    return `${claimed.length} course(s) held, ${polled} polled, ${effects} effect(s) done`;
  }
  return {
    name: 'course-sync',
    schedule: '*/30 * * * * *',
    run: (ctx) => tick(ctx, 'scheduled'),
    tick,
  };
}
