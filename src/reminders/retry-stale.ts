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
import { markOutcome, type SweepDeps } from './sweep-deps.js';

export const STALE_PENDING_MS = 10 * 60_000;
/** A reminder that could not go out within a day is stale news: give up and let the digest show it. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

export async function retryStaleReminders(deps: SweepDeps, course: CourseForReminders, now: Date): Promise<{ retried: number; stopped: boolean }> {
  const stale = await deps.db.reminder.findMany({
    where: {
      courseId: course.id,
      status: 'pending',
      createdAt: { lt: new Date(now.getTime() - STALE_PENDING_MS) },
      OR: [{ postponedUntil: null }, { postponedUntil: { lte: now } }],
    },
    select: {
      id: true,
      assignmentId: true,
      stage: true,
      createdAt: true,
      scheduledFor: true,
      postponedUntil: true,
      assignment: { select: { round: { select: { dueAt: true } }, reviewer: { select: { timeZone: true } } } },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
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
    const claimed = await deps.db.$transaction(async (tx) => {
      if (deps.fence) await deps.fence(tx);
      const data = decision.action === 'postpone' ? { postponedUntil: decision.until } : { createdAt: now };
      return tx.reminder.updateMany({ where: { id: r.id, status: 'pending', createdAt: r.createdAt }, data });
    });
    if (claimed.count === 0) continue;
    if (decision.action === 'postpone') {
      deps.log.info({ courseId: course.id, reminderId: r.id, stage: r.stage, until: decision.until }, 'interrupted reminder waits for the end of quiet hours');
      continue;
    }
    retried++;
    const planned = (r.postponedUntil ?? r.scheduledFor).getTime();
    if (decision.action === 'superseded') {
      await markOutcome(deps.db, r.id, { status: 'failed', error: `superseded by ${decision.by}; not sent` }, now);
    } else if (now.getTime() - planned > GIVE_UP_AFTER_MS) {
      await markOutcome(deps.db, r.id, { status: 'failed', error: 'not delivered within 24 hours; given up' }, now);
    } else if (r.assignmentId) {
      await sendReminder(deps, course, { id: r.id, assignmentId: r.assignmentId, stage: r.stage }, now, { plannedAt: r.scheduledFor });
    } else if (r.stage === 'overdue_digest' && course.staffChannelId) {
      await deliverDigest(deps, course, r.id, await overdueAssignments(deps, course, now), now, { plannedAt: r.scheduledFor });
    } else {
      await markOutcome(deps.db, r.id, { status: 'failed', error: `cannot retry ${r.stage}` }, now);
    }
  }
  return { retried, stopped: false };
}
