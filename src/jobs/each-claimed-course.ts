import { LeaseLostError } from '../db/leases.js';
import type { Context } from '../context.js';
import { claimCourses, courseFence } from './course-leases.js';

/** What a per-course job logs when a course's share fails: for a lost lease (a warning), and for anything else. */
export interface CourseStepMessages {
  leaseLost: string;
  failed: string;
}

/**
 * Runs `step` for each course this process holds, fenced by the course's lease, one course after the other. A
 * course whose step throws is logged and counted as 'error', and the others go on; a lost lease is only a warning
 * (another process has the course now). `stopOnShutdown`: no further course is started once the process stops.
 */
export async function forEachClaimedCourse<T>(
  ctx: Context,
  options: CourseStepMessages & { stopOnShutdown: boolean },
  step: (courseId: string, fence: ReturnType<typeof courseFence>) => Promise<T>,
): Promise<{ claimed: number; outcomes: Array<T | 'error'> }> {
  const claimed = await claimCourses(ctx);
  const outcomes: Array<T | 'error'> = [];
  for (const { courseId, lease } of claimed) {
    if (options.stopOnShutdown && ctx.stopping?.aborted) break; // the process taking over does the rest
    try {
      outcomes.push(await step(courseId, courseFence(ctx, courseId, lease)));
    } catch (error) {
      outcomes.push('error');
      if (error instanceof LeaseLostError) ctx.log.warn({ courseId }, options.leaseLost);
      else ctx.log.error({ err: error, courseId }, options.failed);
    }
  }
  return { claimed: claimed.length, outcomes };
}
