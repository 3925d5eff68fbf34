// Every outcome of the staff digest reads as a sentence in /reminders send-now's reply, not as a code.
import { describe, expect, it } from 'vitest';
import { digestOutcomeText } from '../../../src/reminders/digest-outcome-text.js';
import type { DigestOutcome } from '../../../src/reminders/send-overdue-digest.js';

/** Listed here by hand (not read from the code), so a new outcome without a sentence fails the type check. */
const OUTCOMES = {
  sent: true,
  failed: true,
  retry: true,
  sent_today: true,
  before_hour: true,
  nothing_overdue: true,
  no_staff_channel: true,
  taken: true,
} satisfies Record<DigestOutcome, true>;

describe('the staff digest line of /reminders send-now', () => {
  for (const outcome of [...(Object.keys(OUTCOMES) as DigestOutcome[]), null]) {
    it(`says in words what happened (${String(outcome)})`, () => {
      const text = digestOutcomeText(outcome);
      expect(text).toMatch(/^Staff digest: .+\.$/);
      expect(text.replace('staff_channel', '')).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      if (outcome) expect(text).not.toContain(outcome);
    });
  }
});
