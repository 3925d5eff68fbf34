import type { Context } from '../context.js';
import type { Tx } from '../outbox/outbox-store.js';
import type { ReminderDraft } from './reminder-draft.js';
import { recordReminderIntent, type MarkOutcome, type ReminderIntent } from '../db/repositories/reminders.js';

export type SweepDeps = Pick<Context, 'db' | 'chat' | 'clock' | 'log' | 'metrics'> & {
  /** Checked in the same transaction as each Reminder insert (the course lease of this process). */
  fence?: (tx: Tx) => Promise<void>;
  /** Aborted on shutdown: the reminder in hand is finished, no other is started (the next run sends the rest). */
  stop?: AbortSignal;
  /** Told of each student reminder this sweep sent or tried (/reminders send-now names them to staff). */
  onReminder?: (draft: ReminderDraft, outcome: MarkOutcome) => void;
};

/** Records the intent of one reminder or digest, fenced by the sweep's lease. Null when its dedupeKey is already taken. */
export function recordIntent(deps: SweepDeps, intent: ReminderIntent): Promise<string | null> {
  return recordReminderIntent(deps.db, deps.fence, intent);
}
