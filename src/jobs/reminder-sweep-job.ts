import { LeaseLostError } from '../db/leases.js';
import { runReminderSweep } from '../reminders/run-reminder-sweep.js';
import { claimCourses, courseFence } from './course-leases.js';
import type { Job } from './job.js';

/**
 * Every 5 minutes: a reminder sweep for each course this process holds. The course lease's fence is
 * checked in the same transaction as each Reminder insert, so a process that lost a course records
 * (and therefore sends) nothing for it. One course failing does not stop the others.
 */
export function reminderSweepJob(): Job {
  return {
    name: 'reminder-sweep',
    schedule: '0 */5 * * * *',
    async run(ctx) {
      const claimed = await claimCourses(ctx);
      let sent = 0;
      let failed = 0;
      for (const { courseId, lease } of claimed) {
        if (ctx.stopping?.aborted) break; // shutting down: the process taking over sweeps the rest
        try {
          const s = await runReminderSweep(
            { db: ctx.db, chat: ctx.chat, clock: ctx.clock, log: ctx.log, fence: courseFence(ctx, courseId, lease), metrics: ctx.metrics, stop: ctx.stopping },
            courseId,
          );
          sent += s.sent;
          failed += s.failed;
        } catch (error) {
          if (error instanceof LeaseLostError) ctx.log.warn({ courseId }, 'course lease lost during the reminder sweep; another process has it');
          else ctx.log.error({ err: error, courseId }, 'reminder sweep failed for a course');
        }
      }
      return `${claimed.length} course(s) swept, ${sent} reminder(s) sent, ${failed} failed`;
    },
  };
}
