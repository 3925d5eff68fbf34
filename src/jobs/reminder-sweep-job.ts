import { runReminderSweep } from '../reminders/run-reminder-sweep.js';
import { forEachClaimedCourse } from './each-claimed-course.js';
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
      const { claimed, outcomes } = await forEachClaimedCourse(
        ctx,
        {
          leaseLost: 'course lease lost during the reminder sweep; another process has it',
          failed: 'reminder sweep failed for a course',
          stopOnShutdown: true,
        },
        (courseId, fence) =>
          runReminderSweep({ db: ctx.db, chat: ctx.chat, clock: ctx.clock, log: ctx.log, fence, metrics: ctx.metrics, stop: ctx.stopping }, courseId),
      );
      let sent = 0;
      let failed = 0;
      for (const s of outcomes) {
        if (s === 'error') continue;
        sent += s.sent;
        failed += s.failed;
      }
      return `${claimed} course(s) swept, ${sent} reminder(s) sent, ${failed} failed`;
    },
  };
}
