import { failJobRun, finishJobRun, startJobRun } from '../db/repositories/job-runs.js';
import type { Context } from '../context.js';
import type { Job } from './job.js';

/**
 * Wraps a job once: never two runs of it at a time in this process (node-cron's noOverlap guards the
 * schedule; this also guards manual kicks), a child logger, and a JobRun row for /report health.
 */
export function guardedRunner(job: Job, ctx: Context): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const log = ctx.log.child({ job: job.name });
  const once = async (): Promise<void> => {
    if (job.recordRuns === false) {
      await job.run({ ...ctx, log }).catch((error: unknown) => log.error({ err: error }, 'job failed'));
      return;
    }
    const runId = await startJobRun(ctx.db, { jobName: job.name, owner: ctx.owner, startedAt: ctx.clock.now() });
    try {
      const summary = await job.run({ ...ctx, log });
      await finishJobRun(ctx.db, runId, { finishedAt: ctx.clock.now(), summary: summary ?? null });
    } catch (error) {
      log.error({ err: error }, 'job failed');
      await failJobRun(ctx.db, runId, { finishedAt: ctx.clock.now(), error: String((error as Error).message ?? error) }).catch(() => undefined);
    }
  };
  return async () => {
    // A kick during a run schedules exactly one more run after it, so no request is lost or doubled.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again && !ctx.stopping?.aborted); // a shutdown takes no more runs
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
