import { LeaseLostError } from '../db/leases.js';
import { recordFailedCourseRun } from '../db/repositories/job-runs.js';
import type { Context } from '../context.js';

/**
 * A course's share of a job failed: logged, and recorded as a failed run of the job for that course
 * (/report health shows it to that course's staff only), so one course never hides or stops the others.
 * A lost lease is not a failure: another process serves the course now and nothing was written.
 */
export async function recordCourseFailure(
  ctx: Context,
  input: { jobName: string; courseId: string; startedAt: Date; error: unknown },
): Promise<'failed' | 'lease_lost'> {
  const { jobName, courseId, error } = input;
  if (error instanceof LeaseLostError) {
    ctx.log.warn({ courseId }, 'course lease lost during its tick; another process has it');
    return 'lease_lost';
  }
  ctx.log.error({ err: error, courseId }, 'course tick failed; the other courses go on');
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await recordFailedCourseRun(ctx.db, { jobName, courseId, owner: ctx.owner, startedAt: input.startedAt, finishedAt: ctx.clock.now(), error: message }).catch(
    (recordError: unknown) => ctx.log.error({ err: recordError, courseId }, 'could not record the course failure'),
  );
  return 'failed';
}
