import type { Db } from '../db/client.js';
import type { Clock } from '../shared/clock.js';
import type { Metrics } from '../shared/metrics.js';
import type { Tx } from '../outbox/outbox-store.js';
import type { ChatPort } from '../ports/chat-port.js';
import type { ReminderDraft } from './reminder-draft.js';
import { isUniqueViolation } from '../db/db-errors.js';

/** Minimal logger shape, so tests and the bench can pass pino or anything with these methods. */
export interface SweepLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface SweepDeps {
  db: Db;
  chat: ChatPort;
  clock: Clock;
  log: SweepLog;
  /** Checked in the same transaction as each Reminder insert (the course lease of this process). */
  fence?: (tx: Tx) => Promise<void>;
  metrics?: Metrics;
  /** Aborted on shutdown: the reminder in hand is finished, no other is started (the next run sends the rest). */
  stop?: AbortSignal;
  /** Told of each student reminder this sweep sent or tried (/reminders send-now names them to staff). */
  onReminder?: (draft: ReminderDraft, outcome: MarkOutcome) => void;
}

/** Records the intent of one reminder or digest. False when its dedupeKey is already taken (sent, or being sent, elsewhere). */
export async function recordIntent(
  deps: SweepDeps,
  data: {
    courseId: string;
    assignmentId: string | null;
    studentId: string | null;
    dedupeKey: string;
    stage: string;
    scheduledFor: Date;
    postponedUntil: Date | null;
    now: Date;
  },
): Promise<string | null> {
  try {
    return await deps.db.$transaction(async (tx) => {
      if (deps.fence) await deps.fence(tx);
      const row = await tx.reminder.create({
        data: {
          courseId: data.courseId,
          assignmentId: data.assignmentId,
          studentId: data.studentId,
          dedupeKey: data.dedupeKey,
          stage: data.stage,
          status: 'pending',
          scheduledFor: data.scheduledFor,
          postponedUntil: data.postponedUntil,
          createdAt: data.now,
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

export async function markOutcome(db: Db, reminderId: string, outcome: MarkOutcome, now: Date): Promise<void> {
  const data =
    outcome.status === 'sent'
      ? { status: 'sent', deliveredVia: outcome.via, discordMessageId: outcome.messageId, sentAt: now, lastError: null }
      : outcome.status === 'failed'
        ? { status: 'failed', lastError: outcome.error.slice(0, 500) }
        : { lastError: outcome.error.slice(0, 500) };
  await db.reminder.update({ where: { id: reminderId }, data });
}
