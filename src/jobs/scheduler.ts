import { hostname } from 'node:os';
import cron, { type ScheduledTask } from 'node-cron';
import type { Job, JobContext } from './job.js';
import { guardedRunner } from './run-job.js';

/** Heartbeats tell other processes this one is alive (fair share of courses, /report health). */
async function beat(ctx: JobContext, shardIds: number[], startedAt: Date): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.processHeartbeat.upsert({
    where: { owner: ctx.owner },
    create: { owner: ctx.owner, hostname: hostname(), pid: process.pid, shardIds: JSON.stringify(shardIds), startedAt, lastSeenAt: now },
    update: { lastSeenAt: now, shardIds: JSON.stringify(shardIds) },
  });
}

export interface RunningScheduler {
  /** Runs a job soon (coalesced with a run already under way). */
  kick(name: string): void;
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts every job on node-cron; each is wrapped once (overlap guard, child logger, JobRun row). */
export async function startScheduler(jobs: Job[], ctx: JobContext, options: { shardIds?: number[] } = {}): Promise<RunningScheduler> {
  const startedAt = ctx.clock.now();
  await beat(ctx, options.shardIds ?? [], startedAt);
  const runners = new Map(jobs.map((job) => [job.name, guardedRunner(job, ctx)]));
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(job.schedule, () => runners.get(job.name)!(), { name: job.name, noOverlap: true }),
  );
  tasks.push(cron.schedule('*/20 * * * * *', () => beat(ctx, options.shardIds ?? [], startedAt).catch((error: unknown) => ctx.log.warn({ err: error }, 'heartbeat failed')), { name: 'heartbeat', noOverlap: true }));
  return {
    kick(name) {
      const run = runners.get(name);
      if (run) void run().catch((error: unknown) => ctx.log.error({ err: error, job: name }, 'kicked job failed'));
    },
    async runNow(name) {
      await runners.get(name)?.();
    },
    async stop() {
      for (const task of tasks) await task.destroy();
      await ctx.db.processHeartbeat.delete({ where: { owner: ctx.owner } }).catch(() => undefined);
    },
  };
}
