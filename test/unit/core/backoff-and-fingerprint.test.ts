import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src/core/retry/backoff.js';
import { textFingerprint } from '../../../src/core/comments/fingerprint.js';

describe('backoffDelayMs', () => {
  it('doubles per attempt between half and the whole nominal delay, capped', () => {
    expect(backoffDelayMs(1, { baseMs: 1_000, random: () => 0 })).toBe(500);
    expect(backoffDelayMs(1, { baseMs: 1_000, random: () => 1 })).toBe(1_000);
    expect(backoffDelayMs(4, { baseMs: 1_000, random: () => 1 })).toBe(8_000);
    expect(backoffDelayMs(30, { baseMs: 1_000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});

describe('textFingerprint', () => {
  it('matches the text a student typed with the HTML WordPress returns for it', () => {
    const sent = '<p>It\'s a "fair" point -- isn\'t it?</p>';
    const returned = '<p>It&#8217;s a &#8220;fair&#8221; point &#8212;&nbsp;isn&#8217;t it?</p>\n';
    expect(textFingerprint(sent.replace('--', '-'))).toBe(textFingerprint(returned));
  });

  it('differs when the words differ', () => {
    expect(textFingerprint('<p>I agree</p>')).not.toBe(textFingerprint('<p>I disagree</p>'));
  });
});
