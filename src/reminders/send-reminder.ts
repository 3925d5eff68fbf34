// Delivers one recorded reminder: drafts it (reminder-draft.ts, shared with /reminders preview), sends
// it where its route says, and records the outcome on the Reminder row. A retry of an interrupted reminder
// first looks for the message an earlier attempt may have sent (find-delivered.ts) and records that instead.
import type { CourseForReminders } from './reminder-plan.js';
import { deliverReminder } from './deliver-reminder.js';
import { findDelivered, type Place } from './find-delivered.js';
import { draftReminder } from './reminder-draft.js';
import { markReminderOutcome, type MarkOutcome } from '../db/repositories/reminders.js';
import type { SweepDeps } from './sweep-deps.js';

export async function sendReminder(
  deps: SweepDeps,
  course: CourseForReminders,
  reminder: { id: string; assignmentId: string; stage: string },
  now: Date,
  /** Set when retrying an interrupted attempt: the reminder's planned time, from which Discord is searched. */
  retry?: { plannedAt: Date },
): Promise<MarkOutcome['status']> {
  const draft = await draftReminder(deps.db, course, reminder, now);
  let outcome: MarkOutcome;
  if (!draft) {
    // Completed or cancelled between planning and sending (or before a retry): nothing to remind.
    outcome = { status: 'failed', error: 'no longer owed' };
  } else {
    const places: Place[] = [];
    if (draft.student.discordUserId) places.push({ via: 'dm', target: { userId: draft.student.discordUserId } });
    if (course.reminderThreadId) places.push({ via: 'channel', target: { channelId: course.reminderThreadId } });
    const found = retry ? await findDelivered(deps.chat, places, reminder.id, retry.plannedAt) : null;
    if (found?.status === 'sent')
      deps.log.info({ courseId: course.id, reminderId: reminder.id, via: found.via }, 'interrupted reminder had reached Discord: recorded, not sent again');
    outcome = found ?? (await deliverReminder({ db: deps.db, chat: deps.chat, now }, course, draft.student, draft.text, reminder.id));
  }
  await markReminderOutcome(deps.db, reminder.id, outcome, now);
  if (outcome.status === 'sent') deps.metrics?.reminderSent(reminder.stage, outcome.via);
  if (outcome.status !== 'sent')
    deps.log.warn({ courseId: course.id, reminderId: reminder.id, stage: reminder.stage, error: outcome.error }, 'reminder not delivered');
  if (draft) deps.onReminder?.(draft, outcome);
  return outcome.status;
}
