import { acquireLease, type Lease } from '../db/leases.js';
import { courseServingState } from '../db/repositories/courses.js';
import { shardForGuild } from '../sharding/guild-shard.js';
import type { Context } from '../context.js';

/**
 * Runs work for one course at a time, coalescing wake-ups: while a course's run is under way, any number
 * of wakes for it leave exactly one more run queued (it will read everything that changed meanwhile), so
 * a flood of pushes costs at most two syncs. The scheduled tick goes through the same queue, so a push
 * and the tick never sync one course at once in this process.
 */
export function perCourseQueue() {
  const running = new Map<string, Promise<void>>();
  const queued = new Map<string, () => Promise<void>>();

  function start(courseId: string, work: () => Promise<void>): Promise<void> {
    const run = work().finally(() => {
      const next = queued.get(courseId);
      queued.delete(courseId);
      if (next) start(courseId, next).catch(() => undefined);
      else running.delete(courseId);
    });
    running.set(courseId, run);
    return run;
  }

  return {
    /** Runs now, or once after the current run; a wake already waiting absorbs this one. */
    wake(courseId: string, work: () => Promise<void>): void {
      if (!running.has(courseId)) {
        start(courseId, work).catch(() => undefined);
        return;
      }
      if (!queued.has(courseId)) queued.set(courseId, work);
    },
    /** Resolves once no run is under way or queued for any course. */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
    /** Runs `work` after the course's current run (the scheduled tick): never concurrently with a wake. */
    async exclusive<T>(courseId: string, work: () => Promise<T>): Promise<T> {
      while (running.has(courseId)) await running.get(courseId)!.catch(() => undefined);
      let result!: T;
      await start(courseId, async () => {
        result = await work();
      });
      return result;
    },
  };
}

/**
 * The posts pushed comment notifications named, per course, until a pushed run takes them: wakes coalesce
 * into one run, so the run reads every post named since the previous one began. Bounded per course (a
 * flood beyond it is left to the poll and the sweep, like any missed push).
 */
export function pushedPosts(limit = 100) {
  const pending = new Map<string, Set<string>>();
  return {
    note(courseId: string, postId: string | undefined): void {
      if (!postId) return;
      const posts = pending.get(courseId) ?? new Set<string>();
      if (posts.size < limit) posts.add(postId);
      pending.set(courseId, posts);
    },
    take(courseId: string): string[] {
      const posts = [...(pending.get(courseId) ?? [])];
      pending.delete(courseId);
      return posts;
    },
  };
}

/**
 * The course lease for a pushed course: kept if ours, taken if free or lapsed (a push right after start-up
 * or setup must not wait for the next claim), null when another live process holds it (it was woken too)
 * or the course is not this process's to serve (paused, archived, or its guild on another gateway shard).
 */
export async function leaseForWake(ctx: Context, courseId: string): Promise<Lease | null> {
  const course = await courseServingState(ctx.db, courseId);
  if (!course || course.purgedAt || (course.status !== 'active' && course.status !== 'flagged')) return null;
  const count = ctx.shards?.count ?? 1;
  if (!(ctx.shards?.ids ?? [0]).includes(count === 1 ? 0 : shardForGuild(course.guildId, count))) return null;
  return acquireLease(ctx.db, { name: `course:${courseId}`, owner: ctx.owner, ttlMs: ctx.config.leaseSeconds * 1_000 });
}
