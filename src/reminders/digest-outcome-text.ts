// What /reminders send-now tells staff about the daily digest of overdue reviews: a sentence for each
// outcome of sendOverdueDigest, never its internal code.
import type { DigestOutcome } from './send-overdue-digest.js';

const SENTENCES: Record<DigestOutcome, string> = {
  sent: 'posted in the staff channel.',
  failed: 'Discord refused it; check that the bot can send messages in the staff channel (/report health shows what is missing).',
  retry: 'Discord did not answer; the next sweep posts it.',
  sent_today: 'already posted today.',
  before_hour: 'not yet: it is posted once a day from the course’s digest hour on.',
  nothing_overdue: 'nothing to post today, no review is overdue.',
  no_staff_channel: 'not posted: the course has no staff channel. Run /course setup with staff_channel to choose one.',
  taken: 'another run of the bot is posting it right now.',
};

/** Null: the sweep stopped (the bot is shutting down) before it came to the digest. */
export function digestOutcomeText(outcome: DigestOutcome | null): string {
  return `Staff digest: ${outcome ? SENTENCES[outcome] : 'not looked at this time (the bot was shutting down); the next sweep does it.'}`;
}
