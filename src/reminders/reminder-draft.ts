// One reminder, rendered but not sent: who it is for, where it would go, what it is about, and its exact
// text. The sweep (send-reminder.ts) sends what this drafts; /reminders preview only shows it. One code
// path, so the preview cannot promise something the sweep would not do.
import { assignmentForReminder, pendingQuotaSlots } from '../db/repositories/reminder-facts.js';
import { reminderRoute, type ReminderRoute } from '../core/reminders/reminder-route.js';
import type { Db } from '../db/client.js';
import type { Recipient } from './deliver-reminder.js';
import type { CourseForReminders } from './reminder-plan.js';
import { reminderDm, reminderMention, type ReminderFacts } from './reminder-message.js';

export interface ReminderDraft {
  student: Recipient & { name: string };
  route: ReminderRoute;
  /** What is owed, as staff read it: `“Essay title”` or `2 peer essays (any)`. */
  subject: string;
  roundName: string;
  stage: string;
  minWords: number;
  text: { dm: string; mention: string };
}

/** Null when the review is no longer owed (completed or cancelled since it was planned). */
export async function draftReminder(
  db: Db,
  course: CourseForReminders,
  reminder: { assignmentId: string; stage: string },
  now: Date,
): Promise<ReminderDraft | null> {
  const a = await assignmentForReminder(db, reminder.assignmentId);
  const remaining = !a ? 0 : a.essayId !== null ? Number(a.status === 'pending') : await pendingQuotaSlots(db, a.roundId, a.reviewerStudentId);
  if (!a || a.round.status !== 'active' || remaining === 0) return null;
  const minWords = a.round.minCommentWords ?? course.minCommentWords;
  const facts: ReminderFacts = {
    courseName: course.name,
    guildId: course.guildId,
    stage: reminder.stage,
    now,
    dueAt: a.round.dueAt,
    timeZone: a.reviewer.timeZone ?? course.timeZone,
    minWords,
    roundName: a.round.name,
    essay: a.essay
      ? { title: a.essay.title, authorName: a.essay.author?.displayName ?? a.essay.authorName ?? 'a classmate', url: a.essay.url, threadId: a.essay.threadId }
      : null,
    remaining,
    essayChannelId: course.channelId,
  };
  const { displayName, ...student } = a.reviewer;
  return {
    student: { ...student, name: displayName },
    route: reminderRoute(a.reviewer, now),
    subject: a.essay ? `“${a.essay.title}”` : `${remaining} peer essay${remaining === 1 ? '' : 's'} (any)`,
    roundName: a.round.name,
    stage: reminder.stage,
    minWords,
    text: { dm: reminderDm(facts), mention: reminderMention(facts, a.reviewer.discordUserId ?? '') },
  };
}
