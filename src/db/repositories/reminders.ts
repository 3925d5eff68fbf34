// Reminder rows, for the sweep (src/reminders/): the unique dedupeKey is what makes each stage (and each day's
// digest) happen at most once, so every write here is an insert that may lose a race or a conditional update.
import type { Db, Tx } from '../client.js';
import { isUniqueViolation } from '../db-errors.js';

export interface ReminderIntent {
  courseId: string;
  assignmentId: string | null;
  studentId: string | null;
  dedupeKey: string;
  stage: string;
  scheduledFor: Date;
  postponedUntil: Date | null;
  now: Date;
}

/**
 * Records the intent of one reminder or digest, after `fence` (the course lease) in the same transaction.
 * Null when its dedupeKey is already taken: sent, or being sent, by this or another process.
 */
export async function recordReminderIntent(db: Db, fence: ((tx: Tx) => Promise<void>) | undefined, intent: ReminderIntent): Promise<string | null> {
  try {
    return await db.$transaction(async (tx) => {
      if (fence) await fence(tx);
      const row = await tx.reminder.create({
        data: {
          courseId: intent.courseId,
          assignmentId: intent.assignmentId,
          studentId: intent.studentId,
          dedupeKey: intent.dedupeKey,
          stage: intent.stage,
          status: 'pending',
          scheduledFor: intent.scheduledFor,
          postponedUntil: intent.postponedUntil,
          createdAt: intent.now,
        },
        select: { id: true },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export type MarkOutcome =
  { status: 'sent'; via: string; messageId: string; threadId?: string } | { status: 'failed'; error: string } | { status: 'retry'; error: string };

/** What became of a recorded reminder: sent (where), failed for good, or left pending with the error of this try. */
export async function markReminderOutcome(db: Db, reminderId: string, outcome: MarkOutcome, now: Date): Promise<void> {
  const data =
    outcome.status === 'sent'
      ? { status: 'sent', deliveredVia: outcome.via, discordMessageId: outcome.messageId, sentAt: now, lastError: null }
      : outcome.status === 'failed'
        ? { status: 'failed', lastError: outcome.error.slice(0, 500) }
        : { lastError: outcome.error.slice(0, 500) };
  await db.reminder.update({ where: { id: reminderId }, data });
}

export function reminderKeyTaken(db: Db, dedupeKey: string): Promise<boolean> {
  return db.reminder.findUnique({ where: { dedupeKey }, select: { id: true } }).then((row) => row !== null);
}

/** Which of these reminder keys are already recorded (looked up by the unique dedupeKey index, 500 at a time). */
export async function recordedReminderKeys(db: Db, candidates: readonly string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) {
    const rows = await db.reminder.findMany({ where: { dedupeKey: { in: candidates.slice(i, i + 500) } }, select: { dedupeKey: true } });
    for (const r of rows) keys.add(r.dedupeKey);
  }
  return keys;
}

/** The assignments that have a reminder under one of these keys. */
export async function assignmentsReminded(db: Db, keys: readonly string[]): Promise<Set<string | null>> {
  const rows = await db.reminder.findMany({ where: { dedupeKey: { in: [...keys] } }, select: { assignmentId: true } });
  return new Set(rows.map((r) => r.assignmentId));
}

/** Reminders of a course still pending since before `olderThan` and not postponed past `now`, oldest first, at most 200. */
export function stalePendingReminders(db: Db, courseId: string, olderThan: Date, now: Date) {
  return db.reminder.findMany({
    where: {
      courseId,
      status: 'pending',
      createdAt: { lt: olderThan },
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
}

/**
 * Claims a stale pending reminder for a retry (re-stamping createdAt) or postpones it, only if nobody did since
 * it was read (same createdAt): two sweepers never retry the same row. False when someone else got there first.
 */
export async function claimStaleReminder(
  db: Db,
  fence: ((tx: Tx) => Promise<void>) | undefined,
  row: { id: string; createdAt: Date },
  change: { createdAt: Date } | { postponedUntil: Date },
): Promise<boolean> {
  const claimed = await db.$transaction(async (tx) => {
    if (fence) await fence(tx);
    return tx.reminder.updateMany({ where: { id: row.id, status: 'pending', createdAt: row.createdAt }, data: change });
  });
  return claimed.count > 0;
}
