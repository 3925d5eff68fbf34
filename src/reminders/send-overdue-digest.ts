// The staff digest of overdue reviews, once per local day (dedupeKey <courseId>:overdue_digest:<date>),
// to the course's staff channel; it also names the students who cannot be DMed. Like a reminder it carries a
// nonce and a marker line, and a retry of an interrupted posting first looks for it (find-delivered.ts).
import { planOverdueDigest } from '../core/reminders/overdue-digest.js';
import { localDateKey, localParts } from '../core/time/zoned.js';
import { openAssignments, type OpenAssignment } from './open-assignments.js';
import { ChatError } from '../ports/chat-port.js';
import { reminderNonce } from './deliver-reminder.js';
import { findDelivered } from './find-delivered.js';
import { withReminderMarker } from './reminder-marker.js';
import type { CourseForReminders } from './reminder-plan.js';
import { overdueDigestText } from './reminder-message.js';
import { overdueDigestNames } from '../db/repositories/reminder-facts.js';
import { markReminderOutcome, reminderKeyTaken, type MarkOutcome } from '../db/repositories/reminders.js';
import { recordIntent, type SweepDeps } from './sweep-deps.js';

export type DigestOutcome = 'sent' | 'failed' | 'retry' | 'sent_today' | 'before_hour' | 'nothing_overdue' | 'no_staff_channel' | 'taken';

export function digestKey(courseId: string, localDate: string): string {
  return `${courseId}:overdue_digest:${localDate}`;
}

export async function sendOverdueDigest(deps: SweepDeps, course: CourseForReminders, now: Date): Promise<DigestOutcome> {
  const localDate = localDateKey(now, course.timeZone);
  const key = digestKey(course.id, localDate);
  // Cheap checks first: most sweeps of the day stop here without reading any assignment.
  if (localParts(now, course.timeZone).h < course.digestHourLocal) return 'before_hour';
  if (await reminderKeyTaken(deps.db, key)) return 'sent_today';
  const open = await overdueAssignments(deps, course, now);
  const plan = planOverdueDigest({ now, timeZone: course.timeZone, assignments: open, digestHourLocal: course.digestHourLocal, lastDigestDate: null });
  if (!plan.send) return plan.reason === 'due' ? 'nothing_overdue' : plan.reason;
  if (!course.staffChannelId) return 'no_staff_channel';
  const id = await recordIntent(deps, {
    courseId: course.id,
    assignmentId: null,
    studentId: null,
    dedupeKey: key,
    stage: 'overdue_digest',
    scheduledFor: now,
    postponedUntil: null,
    now,
  });
  if (!id) return 'taken';
  return deliverDigest(deps, course, id, open, now);
}

/** Open assignments of the course's active rounds that are past due. */
export async function overdueAssignments(deps: SweepDeps, course: CourseForReminders, now: Date): Promise<OpenAssignment[]> {
  const rounds = course.rounds.filter((r) => r.dueAt.getTime() <= now.getTime());
  return rounds.length ? openAssignments(deps.db, rounds) : [];
}

/** Renders from the current state (also used to retry a digest whose sending was interrupted). */
export async function deliverDigest(
  deps: SweepDeps,
  course: CourseForReminders,
  reminderId: string,
  open: OpenAssignment[],
  now: Date,
  /** Set when retrying an interrupted posting: the digest's planned time, from which the staff channel is searched. */
  retry?: { plannedAt: Date },
): Promise<'sent' | 'failed' | 'retry'> {
  const staffChannel = { via: 'staff_channel' as const, target: { channelId: course.staffChannelId! } };
  const found = retry ? await findDelivered(deps.chat, [staffChannel], reminderId, retry.plannedAt) : null;
  if (found) {
    await markReminderOutcome(deps.db, reminderId, found, now);
    return found.status;
  }
  const overdue = open.filter((a) => a.dueAt.getTime() <= now.getTime());
  const { students, essays, rounds } = await overdueDigestNames(deps.db, {
    studentIds: [...new Set(overdue.map((a) => a.reviewerId))],
    essayIds: overdue.flatMap((a) => (a.essayId ? [a.essayId] : [])),
    roundIds: [...new Set(overdue.map((a) => a.roundId))],
  });
  const name = new Map(students.map((s) => [s.id, s.displayName]));
  const title = new Map(essays.map((e) => [e.id, e.title]));
  const round = new Map(rounds.map((r) => [r.id, r.name]));
  const lines = overdue
    .map((a) => ({
      reviewerName: name.get(a.reviewerId) ?? 'a removed student',
      what: `${a.essayId ? `“${title.get(a.essayId) ?? 'an essay'}”` : `${a.pendingSlots} peer comment(s)`} (round ${round.get(a.roundId) ?? '?'})`,
      dueAt: a.dueAt,
    }))
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.reviewerName.localeCompare(y.reviewerName));
  const unreachable = students
    .filter((s) => !s.discordUserId || s.dmClosedAt)
    .map((s) => `${s.displayName} (${s.discordUserId ? 'DMs closed' : 'no Discord account'})`)
    .sort();
  const text = overdueDigestText({ courseName: course.name, localDate: localDateKey(now, course.timeZone), timeZone: course.timeZone, lines, unreachable });
  let outcome: MarkOutcome;
  try {
    const content = withReminderMarker(text, reminderId);
    const messageId = await deps.chat.sendChannelMessage(course.staffChannelId!, { content, pingUserIds: [], nonce: reminderNonce(reminderId, 'channel') });
    outcome = { status: 'sent', via: 'staff_channel', messageId };
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    outcome = error.transient ? { status: 'retry', error: error.message } : { status: 'failed', error: `${error.kind}: ${error.message}` };
  }
  await markReminderOutcome(deps.db, reminderId, outcome, now);
  return outcome.status;
}
