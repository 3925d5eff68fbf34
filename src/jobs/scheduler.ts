import cron, { type ScheduledTask } from 'node-cron';
import { beatProcess, deleteProcessHeartbeat } from '../db/repositories/process-heartbeats.js';
import type { Context } from '../context.js';
import type { Job } from './job.js';
import { guardedRunner } from './run-job.js';

/** Heartbeats tell other processes this one is alive (fair share of courses, /report health). */
async function beat(ctx: Context, shardIds: number[], startedAt: Date): Promise<void> {
  await beatProcess(ctx.db, { owner: ctx.owner, shardIds, startedAt, now: ctx.clock.now() });
}

export interface RunningScheduler {
  /** Runs a job soon (coalesced with a run already under way). Ignored once stopping. */
  kick(name: string): void;
  runNow(name: string): Promise<void>;
  /**
   * Starts no new run, asks the running ones to stop after the effect in hand, and waits for them up to
   * `drainMs`. Resolves true when every run finished in time, false when some were still going.
   */
  stop(options?: { drainMs?: number }): Promise<boolean>;
}

/** Starts every job on node-cron; each is wrapped once (overlap guard, child logger, JobRun row). */
export async function startScheduler(jobs: Job[], ctx: Context, options: { shardIds?: number[] } = {}): Promise<RunningScheduler> {
  const startedAt = ctx.clock.now();
  await beat(ctx, options.shardIds ?? [], startedAt);
  const stopping = new AbortController();
  const jobCtx: Context = { ...ctx, stopping: stopping.signal };
  const runners = new Map(jobs.map((job) => [job.name, guardedRunner(job, jobCtx)]));
  // Runs under way (scheduled or kicked, and heartbeats), so a shutdown can wait for them to finish.
  const running = new Set<Promise<void>>();
  const track = (run: Promise<void>): Promise<void> => {
    running.add(run);
    void run.catch(() => undefined).finally(() => running.delete(run));
    return run;
  };
  const start = (name: string): Promise<void> => {
    const runner = runners.get(name);
    if (!runner || stopping.signal.aborted) return Promise.resolve();
    return track(runner());
  };
  const tasks: ScheduledTask[] = jobs.map((job) => cron.schedule(job.schedule, () => start(job.name), { name: job.name, noOverlap: true }));
  // Tracked too: a heartbeat landing after the shutdown deleted it would count this process as live for a lease period.
  const heartbeat = () =>
    stopping.signal.aborted
      ? Promise.resolve()
      : track(beat(ctx, options.shardIds ?? [], startedAt).catch((error: unknown) => ctx.log.warn({ err: error }, 'heartbeat failed')));
  tasks.push(cron.schedule('*/20 * * * * *', heartbeat, { name: 'heartbeat', noOverlap: true }));
  return {
    kick(name) {
      void start(name).catch((error: unknown) => ctx.log.error({ err: error, job: name }, 'kicked job failed'));
    },
    async runNow(name) {
      await start(name);
    },
    async stop({ drainMs = 20_000 } = {}) {
      stopping.abort();
      for (const task of tasks) await task.destroy();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled([...running]).then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), drainMs))),
      ]).finally(() => clearTimeout(timer));
      if (!finished) ctx.log.warn({ drainMs, jobs: running.size }, 'jobs still running after the drain period; stopping without them');
      // Gone from the live processes at once: the others' fair share grows to take this one's courses now.
      await deleteProcessHeartbeat(ctx.db, ctx.owner).catch(() => undefined);
      return finished;
    },
  };
}
