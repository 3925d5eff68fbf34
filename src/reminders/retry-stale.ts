// A Reminder left 'pending' (the process died between recording and sending, or Discord was down)
// is sent by a later sweep once it is older than STALE_PENDING_MS. Claiming re-stamps createdAt with a
// conditional update, so two sweepers never retry the same row.
import type { CourseForReminders } from './reminder-plan.js';
import { deliverDigest, overdueAssignments } from './send-overdue-digest.js';
import { sendReminder } from './send-reminder.js';
import { markOutcome, type SweepDeps } from './sweep-deps.js';

export const STALE_PENDING_MS = 10 * 60_000;
/** A reminder that could not go out within a day is stale news: give up and let the digest show it. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

export async function retryStaleReminders(deps: SweepDeps, course: CourseForReminders, now: Date): Promise<number> {
  const stale = await deps.db.reminder.findMany({
    where: { courseId: course.id, status: 'pending', createdAt: { lt: new Date(now.getTime() - STALE_PENDING_MS) } },
    select: { id: true, assignmentId: true, stage: true, createdAt: true, scheduledFor: true, postponedUntil: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
  let retried = 0;
  for (const r of stale) {
    const claimed = await deps.db.$transaction(async (tx) => {
      if (deps.fence) await deps.fence(tx);
      return tx.reminder.updateMany({ where: { id: r.id, status: 'pending', createdAt: r.createdAt }, data: { createdAt: now } });
    });
    if (claimed.count === 0) continue;
    retried++;
    const planned = (r.postponedUntil ?? r.scheduledFor).getTime();
    if (now.getTime() - planned > GIVE_UP_AFTER_MS) {
      await markOutcome(deps.db, r.id, { status: 'failed', error: 'not delivered within 24 hours; given up' }, now);
    } else if (r.assignmentId) {
      await sendReminder(deps, course, { id: r.id, assignmentId: r.assignmentId, stage: r.stage }, now);
    } else if (r.stage === 'overdue_digest' && course.staffChannelId) {
      await deliverDigest(deps, course, r.id, await overdueAssignments(deps, course, now), now);
    } else {
      await markOutcome(deps.db, r.id, { status: 'failed', error: `cannot retry ${r.stage}` }, now);
    }
  }
  return retried;
}
