// A Reminder left 'pending' (the process died between recording and sending, or Discord was down)
// is sent by a later sweep once it is older than STALE_PENDING_MS. Claiming re-stamps createdAt with a
// conditional update, so two sweepers never retry the same row. Before sending, planRetry checks again
// what the first sweep checked: quiet hours (the retry waits for their end, recorded in postponedUntil)
// and that no later stage has come meanwhile (then the later stage is the student's reminder).
// On shutdown (deps.stop) it stops between rows, never inside one: unclaimed rows wait for the next run.
import { planRetry } from '../core/reminders/plan-retry.js';
import { quietHoursOf, stagesOf, type CourseForReminders } from './reminder-plan.js';
import { deliverDigest, overdueAssignments } from './send-overdue-digest.js';
import { sendReminder } from './send-reminder.js';
import { claimStaleReminder, markReminderOutcome, stalePendingReminders } from '../db/repositories/reminders.js';
import type { SweepDeps } from './sweep-deps.js';

export const STALE_PENDING_MS = 10 * 60_000;
/** A reminder that could not go out within a day is stale news: give up and let the digest show it. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

export async function retryStaleReminders(deps: SweepDeps, course: CourseForReminders, now: Date): Promise<{ retried: number; stopped: boolean }> {
  const stale = await stalePendingReminders(deps.db, course.id, new Date(now.getTime() - STALE_PENDING_MS), now);
  let retried = 0;
  for (const r of stale) {
    if (deps.stop?.aborted) return { retried, stopped: true };
    const decision = r.assignment
      ? planRetry({
          now,
          stage: r.stage,
          dueAt: r.assignment.round.dueAt,
          stagesBeforeDue: stagesOf(course),
          courseTimeZone: course.timeZone,
          quietTimeZone: r.assignment.reviewer.timeZone ?? course.timeZone,
          quietHours: quietHoursOf(course),
        })
      : { action: 'send' as const };
    // The claim also records a postponement, so every sweeper leaves the row alone until quiet hours end.
    const claimed = await claimStaleReminder(deps.db, deps.fence, r, decision.action === 'postpone' ? { postponedUntil: decision.until } : { createdAt: now });
    if (!claimed) continue;
    if (decision.action === 'postpone') {
      deps.log.info({ courseId: course.id, reminderId: r.id, stage: r.stage, until: decision.until }, 'interrupted reminder waits for the end of quiet hours');
      continue;
    }
    retried++;
    const planned = (r.postponedUntil ?? r.scheduledFor).getTime();
    if (decision.action === 'superseded') {
      await markReminderOutcome(deps.db, r.id, { status: 'failed', error: `superseded by ${decision.by}; not sent` }, now);
    } else if (now.getTime() - planned > GIVE_UP_AFTER_MS) {
      await markReminderOutcome(deps.db, r.id, { status: 'failed', error: 'not delivered within 24 hours; given up' }, now);
    } else if (r.assignmentId) {
      await sendReminder(deps, course, { id: r.id, assignmentId: r.assignmentId, stage: r.stage }, now, { plannedAt: r.scheduledFor });
    } else if (r.stage === 'overdue_digest' && course.staffChannelId) {
      await deliverDigest(deps, course, r.id, await overdueAssignments(deps, course, now), now, { plannedAt: r.scheduledFor });
    } else {
      await markReminderOutcome(deps.db, r.id, { status: 'failed', error: `cannot retry ${r.stage}` }, now);
    }
  }
  return { retried, stopped: false };
}
