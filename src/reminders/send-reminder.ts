// Delivers one recorded reminder: loads what the message says (essay, author, links, due time in the
// student's zone), sends it, and records the outcome on the Reminder row.
import type { CourseForReminders } from './reminder-plan.js';
import { deliverReminder } from './deliver-reminder.js';
import { reminderDm, reminderMention, type ReminderFacts } from './reminder-message.js';
import { markOutcome, type MarkOutcome, type SweepDeps } from './sweep-deps.js';

export async function sendReminder(
  deps: SweepDeps,
  course: CourseForReminders,
  reminder: { id: string; assignmentId: string; stage: string },
  now: Date,
): Promise<MarkOutcome['status']> {
  const a = await deps.db.assignment.findUnique({
    where: { id: reminder.assignmentId },
    select: {
      status: true, roundId: true, reviewerStudentId: true, essayId: true,
      round: { select: { name: true, dueAt: true, status: true } },
      essay: { select: { title: true, url: true, threadId: true, authorName: true, author: { select: { displayName: true } } } },
      reviewer: { select: { id: true, discordUserId: true, reminderMode: true, dmClosedAt: true, timeZone: true } },
    },
  });
  const remaining = !a ? 0 : a.essayId !== null
    ? Number(a.status === 'pending')
    : await deps.db.assignment.count({ where: { roundId: a.roundId, reviewerStudentId: a.reviewerStudentId, essayId: null, status: 'pending' } });
  let outcome: MarkOutcome;
  if (!a || a.round.status !== 'active' || remaining === 0) {
    // Completed or cancelled between planning and sending (or before a retry): nothing to remind.
    outcome = { status: 'failed', error: 'no longer owed' };
  } else {
    const facts: ReminderFacts = {
      courseName: course.name, guildId: course.guildId, stage: reminder.stage, now, dueAt: a.round.dueAt,
      timeZone: a.reviewer.timeZone ?? course.timeZone, minWords: course.minCommentWords, roundName: a.round.name,
      essay: a.essay ? { title: a.essay.title, authorName: a.essay.author?.displayName ?? a.essay.authorName ?? 'a classmate', url: a.essay.url, threadId: a.essay.threadId } : null,
      remaining, essayChannelId: course.channelId,
    };
    outcome = await deliverReminder({ db: deps.db, chat: deps.chat, now }, course, a.reviewer, {
      dm: reminderDm(facts),
      mention: reminderMention(facts, a.reviewer.discordUserId ?? ''),
    });
  }
  await markOutcome(deps.db, reminder.id, outcome, now);
  if (outcome.status === 'sent') deps.metrics?.reminderSent(reminder.stage, outcome.via);
  if (outcome.status !== 'sent') deps.log.warn({ courseId: course.id, reminderId: reminder.id, stage: reminder.stage, error: outcome.error }, 'reminder not delivered');
  return outcome.status;
}
