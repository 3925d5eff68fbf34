import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';

// Reminder rows as the reports use them: /report reminders counts the student reminders, and the weekly digest
// is a Reminder row of its own (stage 'weekly_digest', dedupeKey per course and ISO week) so it is posted once.

/** Every student reminder of the course (staff digests excluded) with its outcome and the student's DM state. */
export function studentReminderOutcomes(db: Db, courseId: string) {
  return db.reminder.findMany({
    where: { courseId, assignmentId: { not: null } },
    select: { stage: true, status: true, postponedUntil: true, deliveredVia: true, student: { select: { dmClosedAt: true, reminderMode: true } } },
  });
}

/** What the weekly digest needs of its course: where to post, its zone and schedule, and whether it still runs. */
export function courseForDigest(db: Db, courseId: string) {
  return courseById(db, courseId, {
    id: true,
    name: true,
    timeZone: true,
    staffChannelId: true,
    status: true,
    purgedAt: true,
    digestWeekday: true,
    digestHourLocal: true,
  });
}

/** The digest's Reminder row under this key (one per course and week), or null when this week's was not recorded yet. */
export function digestRecord(db: Db, dedupeKey: string): Promise<{ id: string; status: string; lastError: string | null; createdAt: Date } | null> {
  return db.reminder.findUnique({ where: { dedupeKey }, select: { id: true, status: true, lastError: true, createdAt: true } });
}

/** Records the intent to post a digest, pending; returns its id. Throws a unique violation when the key is taken. */
export async function insertDigestIntent(tx: Tx | Db, input: { courseId: string; dedupeKey: string; scheduledFor: Date; now: Date }): Promise<string> {
  const row = await tx.reminder.create({
    data: {
      courseId: input.courseId,
      dedupeKey: input.dedupeKey,
      stage: 'weekly_digest',
      status: 'pending',
      scheduledFor: input.scheduledFor,
      createdAt: input.now,
    },
    select: { id: true },
  });
  return row.id;
}

/** Clears the error of a pending digest only if it is still the one read: of two processes, one gets to retry. True for that one. */
export async function claimDigestRetry(tx: Tx | Db, row: { id: string; lastError: string | null }): Promise<boolean> {
  const claimed = await tx.reminder.updateMany({ where: { id: row.id, status: 'pending', lastError: row.lastError }, data: { lastError: null } });
  return claimed.count === 1;
}

/** The digest was posted to the staff channel as this message. */
export async function markDigestSent(db: Db, reminderId: string, input: { messageId: string; now: Date }): Promise<void> {
  await db.reminder.update({
    where: { id: reminderId },
    data: { status: 'sent', deliveredVia: 'staff_channel', discordMessageId: input.messageId, sentAt: input.now },
  });
}

/** Keeps the digest pending with the error of this try (the next run retries it). */
export async function noteDigestError(db: Db, reminderId: string, message: string): Promise<void> {
  await db.reminder.update({ where: { id: reminderId }, data: { lastError: message } });
}

/** Gives the digest up for good, with why. */
export async function markDigestFailed(db: Db, reminderId: string, message: string): Promise<void> {
  await db.reminder.update({ where: { id: reminderId }, data: { status: 'failed', lastError: message } });
}
