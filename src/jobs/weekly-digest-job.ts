import { runWeeklyDigest, type WeeklyDigestOutcome } from '../reports/weekly-digest.js';
import { forEachClaimedCourse } from './each-claimed-course.js';
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
      const { claimed, outcomes } = await forEachClaimedCourse(
        ctx,
        { leaseLost: 'course lease lost before the weekly digest; another process has it', failed: 'weekly digest failed for a course', stopOnShutdown: false },
        (courseId, fence) => runWeeklyDigest({ db: ctx.db, chat: ctx.chat, log: ctx.log, fence }, courseId, ctx.clock.now()),
      );
      const counts = new Map<WeeklyDigestOutcome | 'error', number>();
      for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      const parts = [...counts].map(([k, n]) => `${n} ${k}`);
      return `${claimed} course(s): ${parts.join(', ') || 'nothing to do'}`;
    },
  };
}
