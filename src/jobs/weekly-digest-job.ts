import { LeaseLostError } from '../db/leases.js';
import { runWeeklyDigest, type WeeklyDigestOutcome } from '../reports/weekly-digest.js';
import { claimCourses, courseFence } from './course-leases.js';
import type { Job } from './job.js';

/**
 * Every 10 minutes: for each course this process holds, posts the weekly participation digest once
 * its weekday and hour have come in the course's time zone (a process that was down at that hour
 * posts it later the same week). At most once per course per ISO week: see src/reports/weekly-digest.ts.
 */
export function weeklyDigestJob(): Job {
  return {
    name: 'weekly-digest',
    schedule: '0 */10 * * * *',
    async run(ctx) {
      const claimed = await claimCourses(ctx);
      const counts = new Map<WeeklyDigestOutcome | 'error', number>();
      for (const { courseId, lease } of claimed) {
        let outcome: WeeklyDigestOutcome | 'error';
        try {
          outcome = await runWeeklyDigest({ db: ctx.db, chat: ctx.chat, log: ctx.log, fence: courseFence(ctx, courseId, lease) }, courseId, ctx.clock.now());
        } catch (error) {
          outcome = 'error';
          if (error instanceof LeaseLostError) ctx.log.warn({ courseId }, 'course lease lost before the weekly digest; another process has it');
          else ctx.log.error({ err: error, courseId }, 'weekly digest failed for a course');
        }
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      }
      const parts = [...counts].map(([k, n]) => `${n} ${k}`);
      return `${claimed.length} course(s): ${parts.join(', ') || 'nothing to do'}`;
    },
  };
}
