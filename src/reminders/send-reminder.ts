// Delivers one recorded reminder: drafts it (reminder-draft.ts, shared with /reminders preview), sends
// it where its route says, and records the outcome on the Reminder row.
import type { CourseForReminders } from './reminder-plan.js';
import { deliverReminder } from './deliver-reminder.js';
import { draftReminder } from './reminder-draft.js';
import { markOutcome, type MarkOutcome, type SweepDeps } from './sweep-deps.js';

export async function sendReminder(
  deps: SweepDeps,
  course: CourseForReminders,
  reminder: { id: string; assignmentId: string; stage: string },
  now: Date,
): Promise<MarkOutcome['status']> {
  const draft = await draftReminder(deps.db, course, reminder, now);
  // Completed or cancelled between planning and sending (or before a retry): nothing to remind.
  const outcome: MarkOutcome = draft
    ? await deliverReminder({ db: deps.db, chat: deps.chat, now }, course, draft.student, draft.text, reminder.id)
    : { status: 'failed', error: 'no longer owed' };
  await markOutcome(deps.db, reminder.id, outcome, now);
  if (outcome.status === 'sent') deps.metrics?.reminderSent(reminder.stage, outcome.via);
  if (outcome.status !== 'sent')
    deps.log.warn({ courseId: course.id, reminderId: reminder.id, stage: reminder.stage, error: outcome.error }, 'reminder not delivered');
  if (draft) deps.onReminder?.(draft, outcome);
  return outcome.status;
}
