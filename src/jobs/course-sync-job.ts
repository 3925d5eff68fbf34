import { BlogError } from '../ports/blog-source.js';
import { renewLease, type Lease } from '../db/leases.js';
import { coursePollPacing } from '../db/repositories/courses.js';
import { effectHandlers } from '../sync/effect-registry.js';
import { drainOutbox } from '../outbox/outbox-worker.js';
import { alertLongBlogOutage } from '../sync/course-alerts.js';
import { syncCourse } from '../sync/sync-course.js';
import { claimCourses, courseFence } from './course-leases.js';
import { leaseForWake, perCourseQueue, pushedPosts } from './course-wake.js';
import { recordCourseFailure } from './course-failure.js';
import type { Context } from '../context.js';
import type { Job } from './job.js';

/** 'drain_only' for outbox kicks; 'poll_all_now' polls every held course at once (tests, the demo). */
type TickMode = 'scheduled' | 'drain_only' | 'poll_all_now' | 'pushed';

const jobName = 'course-sync';

/**
 * Every 30 s: for each course this process holds, the course tick (syncCourse) when the course's
 * interval has passed, else a drain of its outbox. Each course is isolated: a blog outage is recorded
 * and retried next tick, and any other failure is logged and recorded against its course while the
 * other courses still run.
 */
export type CourseSyncJob = Job & {
  tick(ctx: Context, mode: TickMode): Promise<string>;
  /** `postId`: the post a pushed comment notification named (read even when older than the recent window). */
  wake(ctx: Context, courseId: string, postId?: string): void;
  /** Resolves once no pushed run is under way (a shutdown waits for it before giving the leases back). */
  settled(): Promise<void>;
};

export function courseSyncJob(options: { pushPollMinutes?: number } = {}): CourseSyncJob {
  const lastPoll = new Map<string, number>();
  const queue = perCourseQueue();
  const posts = pushedPosts();
  const pushPollMs = (options.pushPollMinutes ?? 15) * 60_000;
  // Each poll compares recent essays; every few hours a sweep compares all of them (the missed-event repair).
  const lastFullSweep = new Map<string, number>();
  const fullSweepEveryMs = 6 * 3_600_000;

  /** One course's share of a tick; resolves with what it did, or throws for the caller to record. */
  async function tickCourse(
    ctx: Context,
    courseId: string,
    lease: Lease,
    mode: TickMode,
    pushed: string[] = [],
  ): Promise<{ polled: boolean; effects: number } | null> {
    // Renewed just before its work: a long tick must not let the last courses' leases lapse meanwhile.
    const renewed = await renewLease(ctx.db, { name: `course:${courseId}`, owner: ctx.owner, token: lease.token, ttlMs: ctx.config.leaseSeconds * 1_000 });
    if (!renewed) return null; // another process has it now
    const fence = courseFence(ctx, courseId, lease);
    const claimMs = ctx.config.leaseSeconds * 1_000;
    const course = await coursePollPacing(ctx.db, courseId);
    const now = ctx.clock.now().getTime();
    // While the blog pushes changes, the poll is only the safety net: slowed, back to normal once they stop.
    // A test ping is no change: it leaves the poll as it was.
    const lastPushAt = course.lastPushEventAt?.getTime();
    const intervalMs =
      lastPushAt !== undefined && now - lastPushAt < pushPollMs
        ? Math.max(course.pollIntervalMinutes * 60_000, pushPollMs)
        : course.pollIntervalMinutes * 60_000;
    const due = mode === 'poll_all_now' || mode === 'pushed' || (mode === 'scheduled' && (lastPoll.get(courseId) ?? 0) + intervalMs <= now);
    let effects = 0;
    if (due) {
      lastPoll.set(courseId, now);
      const sweepAll = (lastFullSweep.get(courseId) ?? 0) + fullSweepEveryMs <= now;
      const pollStarted = performance.now(); // a duration for /metrics, not course time: the real clock
      try {
        effects += (await syncCourse(ctx, courseId, { fence, claimMs, reconcileAll: sweepAll, stop: ctx.stopping, pushedPosts: pushed })).effects.done;
        ctx.metrics?.pollFinished(courseId, (performance.now() - pollStarted) / 1_000, true);
        if (sweepAll) lastFullSweep.set(courseId, now);
      } catch (error) {
        ctx.metrics?.pollFinished(courseId, (performance.now() - pollStarted) / 1_000, false);
        if (!(error instanceof BlogError)) throw error;
        await alertLongBlogOutage(ctx, courseId); // the outage is recorded; Discord effects still go out below
      }
    }
    effects += (await drainOutbox(ctx, effectHandlers, { courseIds: [courseId], fence, claimMs, stop: ctx.stopping })).done;
    return { polled: due, effects };
  }

  async function tick(ctx: Context, mode: TickMode): Promise<string> {
    if (ctx.stopping?.aborted) return 'shutting down: no course claimed';
    const claimed = await claimCourses(ctx);
    let polled = 0;
    let effects = 0;
    let failed = 0;
    for (const { courseId, lease } of claimed) {
      if (ctx.stopping?.aborted) break; // shutting down: the next process takes the remaining courses
      const startedAt = ctx.clock.now();
      try {
        const done = await queue.exclusive(courseId, () => tickCourse(ctx, courseId, lease, mode));
        if (done?.polled) polled += 1;
        effects += done?.effects ?? 0;
      } catch (error) {
        if ((await recordCourseFailure(ctx, { jobName, courseId, startedAt, error })) === 'failed') failed += 1;
      }
    }
    return `${claimed.length} course(s) held, ${polled} polled, ${failed} failed, ${effects} effect(s) done`;
  }
  /**
   * A push for a course: its tick now, if this process holds the course (else the holder is woken, see
   * push-wake.ts). Coalesced per course: one run at a time and at most one queued, however many arrive.
   */
  function wake(ctx: Context, courseId: string, postId?: string): void {
    if (ctx.stopping?.aborted) return; // shutting down: the process taking over polls the course anyway
    posts.note(courseId, postId);
    queue.wake(courseId, async () => {
      if (ctx.stopping?.aborted) return;
      const startedAt = ctx.clock.now();
      try {
        const lease = await leaseForWake(ctx, courseId);
        if (!lease) return; // another process holds it (and was woken too), or it is not ours to serve
        await tickCourse(ctx, courseId, lease, 'pushed', posts.take(courseId));
      } catch (error) {
        await recordCourseFailure(ctx, { jobName, courseId, startedAt, error }).catch((e: unknown) => ctx.log.error({ err: e, courseId }, 'push wake failed'));
      }
    });
  }

  return {
    name: jobName,
    schedule: '*/30 * * * * *',
    run: (ctx) => tick(ctx, 'scheduled'),
    tick,
    wake,
    settled: () => queue.settled(),
  };
}
