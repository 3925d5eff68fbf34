// One reminder sweep for one course: late essays get reviewers, completion is refreshed, then each due
// reminder is recorded (intent, unique dedupeKey, fenced) BEFORE it is sent, and marked after.
// See docs/adr/0003-reminder-delivery.md for why interrupted sends are retried, and how a retry finds what Discord already has.
import { bringUpToDate } from './bring-up-to-date.js';
import { retryStaleReminders } from './retry-stale.js';
import { loadCourse, planForCourseInBatches } from './reminder-plan.js';
import { sendOverdueDigest, type DigestOutcome } from './send-overdue-digest.js';
import { sendReminder } from './send-reminder.js';
import { recordIntent, type SweepDeps } from './sweep-deps.js';

export type { SweepDeps } from './sweep-deps.js';

export interface SweepSummary {
  courseId: string;
  /** Set when the course is paused/archived: nothing else ran. */
  skipped: string | null;
  lateAssigned: number;
  completed: number;
  sent: number;
  failed: number;
  /** Discord unreachable: kept pending, retried by a later sweep. */
  deferred: number;
  /** Someone else (another process or an earlier run) already held the dedupeKey. */
  duplicates: number;
  /** Stages due now but inside quiet hours: sent when they end. */
  postponed: number;
  superseded: number;
  retried: number;
  /** Shutting down: stopped between students, the rest is left for the next run. */
  stopped: boolean;
  digest: DigestOutcome | null;
}

export async function runReminderSweep(deps: SweepDeps, courseId: string): Promise<SweepSummary> {
  const now = deps.clock.now();
  const course = await loadCourse(deps.db, courseId);
  const summary: SweepSummary = {
    courseId,
    skipped: null,
    lateAssigned: 0,
    completed: 0,
    sent: 0,
    failed: 0,
    deferred: 0,
    duplicates: 0,
    postponed: 0,
    superseded: 0,
    retried: 0,
    digest: null,
    stopped: false,
  };
  if (course.status !== 'active' && course.status !== 'flagged') return { ...summary, skipped: course.status };
  Object.assign(summary, await bringUpToDate(deps, course, now));
  const retries = await retryStaleReminders(deps, course, now);
  summary.retried = retries.retried;
  // Shutting down during the retries: no new reminder and no digest either; the next run does them.
  if (retries.stopped) return { ...summary, stopped: true };

  // Planned and sent one batch of open assignments at a time, so a big course never sits in memory whole.
  // On shutdown it stops between reminders (each is recorded, sent and marked whole), never inside one.
  const stopping = () => (summary.stopped ||= deps.stop?.aborted ?? false);
  for await (const { plan, open } of planForCourseInBatches(deps.db, course, now)) {
    if (stopping()) break;
    summary.postponed += plan.postponed.length;
    summary.superseded += plan.skipped.length;
    const reviewerOf = new Map(open.map((a) => [a.id, a.reviewerId]));
    for (const due of plan.due) {
      if (stopping()) break;
      const id = await recordIntent(deps, {
        courseId,
        assignmentId: due.assignmentId,
        studentId: reviewerOf.get(due.assignmentId) ?? null,
        dedupeKey: due.key,
        stage: due.stage,
        scheduledFor: due.scheduledFor,
        postponedUntil: due.sendAt.getTime() > due.scheduledFor.getTime() ? due.sendAt : null,
        now,
      });
      if (!id) {
        summary.duplicates++;
        continue;
      }
      const status = await sendReminder(deps, course, { id, assignmentId: due.assignmentId, stage: due.stage }, now);
      if (status === 'sent') summary.sent++;
      else if (status === 'failed') summary.failed++;
      else summary.deferred++;
    }
  }
  if (stopping()) return summary; // the digest waits for the next run too
  summary.digest = await sendOverdueDigest(deps, course, now);
  return summary;
}
