// The ref line a retry looks for must survive Discord's 2000-character limit: a reminder already at the
// limit (a very long essay title) keeps the line whole as its last line and still fits.
import { expect, it } from 'vitest';
import { reminderMarker, withReminderMarker } from '../../../src/reminders/reminder-marker.js';

it('a reminder at Discord’s 2000-character limit still ends with its whole ref line and fits', () => {
  const full = `⏰ **Peer review reminder**\n${'“A very long essay title” '.repeat(200)}`.slice(0, 2_000);
  const sent = withReminderMarker(full, 'cm8reminder0000000000001');
  expect(sent.length).toBeLessThanOrEqual(2_000);
  expect(sent.split('\n').at(-1)).toBe('-# ref cm8reminder0000000000001');
  expect(sent.split('\n').filter((line) => line === reminderMarker('cm8reminder0000000000001'))).toHaveLength(1);
});

it('a short reminder is kept whole, with the ref line below it', () => {
  expect(withReminderMarker('⏰ **Peer review reminder**\nDue: soon', 'r1')).toBe('⏰ **Peer review reminder**\nDue: soon\n-# ref r1');
});
