import { describe, expect, it } from 'vitest';
import {
  addLocalDays, formatInZone, isWithinQuietHours, localDateKey, localParts, nextAllowedTime, parseHhMm, zonedTimeToUtc,
} from '../../../src/core/time/zoned.js';

const iso = (d: Date) => d.toISOString();
const quiet = { start: '22:00', end: '08:00' };

describe('localParts', () => {
  it('reads the wall clock on both sides of the Berlin spring change (2025-03-30 02:00 -> 03:00)', () => {
    expect(localParts(new Date('2025-03-30T00:59:00Z'), 'Europe/Berlin')).toMatchObject({ y: 2025, m: 3, d: 30, h: 1, min: 59, weekday: 7 });
    expect(localParts(new Date('2025-03-30T01:00:00Z'), 'Europe/Berlin')).toMatchObject({ h: 3, min: 0 });
  });
  it('reports midnight as hour 0 and the ISO weekday', () => {
    expect(localParts(new Date('2025-11-03T05:00:00Z'), 'America/New_York')).toMatchObject({ d: 3, h: 0, weekday: 1 });
  });
});

describe('zonedTimeToUtc', () => {
  it('converts ordinary wall times in winter and summer', () => {
    expect(iso(zonedTimeToUtc({ y: 2025, m: 1, d: 15, h: 9, min: 0 }, 'Europe/Berlin'))).toBe('2025-01-15T08:00:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2025, m: 7, d: 15, h: 9, min: 0 }, 'Europe/Berlin'))).toBe('2025-07-15T07:00:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2025, m: 7, d: 15, h: 9, min: 0 }, 'America/New_York'))).toBe('2025-07-15T13:00:00.000Z');
  });
  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    expect(iso(zonedTimeToUtc({ y: 2025, m: 3, d: 30, h: 2, min: 30 }, 'Europe/Berlin'))).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
    expect(iso(zonedTimeToUtc({ y: 2025, m: 3, d: 9, h: 2, min: 15 }, 'America/New_York'))).toBe('2025-03-09T07:15:00.000Z'); // 03:15 EDT
    expect(iso(zonedTimeToUtc({ y: 2025, m: 3, d: 9, h: 2, min: 15 }, 'America/New_York', 'earlier'))).toBe('2025-03-09T06:15:00.000Z'); // 01:15 EST
  });
  it('picks the earlier instant of a fall-back overlap unless asked for the later', () => {
    expect(iso(zonedTimeToUtc({ y: 2025, m: 10, d: 26, h: 2, min: 30 }, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2025, m: 10, d: 26, h: 2, min: 30 }, 'Europe/Berlin', 'later'))).toBe('2025-10-26T01:30:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2025, m: 11, d: 2, h: 1, min: 30 }, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2025, m: 11, d: 2, h: 1, min: 30 }, 'America/New_York', 'later'))).toBe('2025-11-02T06:30:00.000Z');
  });
  it('normalises overflowing fields (day 32 is the 1st of next month)', () => {
    expect(iso(zonedTimeToUtc({ y: 2025, m: 3, d: 32, h: 10, min: 0 }, 'Europe/Berlin'))).toBe('2025-04-01T08:00:00.000Z');
  });
  it('round-trips every quarter hour across a whole DST week', () => {
    for (let t = Date.parse('2025-03-27T00:00:00Z'); t < Date.parse('2025-04-03T00:00:00Z'); t += 900_000) {
      const p = localParts(new Date(t), 'Europe/Berlin');
      // A spring change has no repeated hour, so every instant maps back to itself.
      const back = zonedTimeToUtc(p, 'Europe/Berlin').getTime();
      expect(back).toBe(t);
    }
  });
});

describe('addLocalDays and localDateKey', () => {
  it('keeps the wall time across DST (the day before at 10:00 is still 10:00)', () => {
    expect(iso(addLocalDays(new Date('2025-03-31T08:00:00Z'), -1, 'Europe/Berlin'))).toBe('2025-03-30T08:00:00.000Z');
    expect(iso(addLocalDays(new Date('2025-03-31T08:00:00Z'), -2, 'Europe/Berlin'))).toBe('2025-03-29T09:00:00.000Z');
    expect(iso(addLocalDays(new Date('2025-11-03T14:00:00Z'), -2, 'America/New_York'))).toBe('2025-11-01T13:00:00.000Z');
  });
  it('names the local date, not the UTC one', () => {
    expect(localDateKey(new Date('2025-03-30T22:30:00Z'), 'Europe/Berlin')).toBe('2025-03-31');
    expect(localDateKey(new Date('2025-03-31T02:30:00Z'), 'America/New_York')).toBe('2025-03-30');
  });
});

describe('quiet hours', () => {
  it('parses HH:MM and rejects nonsense', () => {
    expect(parseHhMm('08:30')).toBe(510);
    expect(() => parseHhMm('24:00')).toThrow(RangeError);
    expect(() => parseHhMm('8')).toThrow(/HH:MM/);
  });
  it('handles windows crossing midnight and same-day windows', () => {
    const berlin = (s: string) => isWithinQuietHours(new Date(s), 'Europe/Berlin', quiet);
    expect(berlin('2025-03-29T20:59:00Z')).toBe(false); // 21:59 CET
    expect(berlin('2025-03-29T21:00:00Z')).toBe(true); // 22:00 CET
    expect(berlin('2025-03-30T05:59:00Z')).toBe(true); // 07:59 CEST
    expect(berlin('2025-03-30T06:00:00Z')).toBe(false); // 08:00 CEST
    const lunch = { start: '12:00', end: '13:30' };
    expect(isWithinQuietHours(new Date('2025-07-01T11:00:00Z'), 'Europe/Berlin', lunch)).toBe(true); // 13:00
    expect(isWithinQuietHours(new Date('2025-07-01T11:30:00Z'), 'Europe/Berlin', lunch)).toBe(false); // 13:30
    expect(isWithinQuietHours(new Date('2025-07-01T11:00:00Z'), 'Europe/Berlin', null)).toBe(false);
    expect(isWithinQuietHours(new Date('2025-07-01T11:00:00Z'), 'Europe/Berlin', { start: '10:00', end: '10:00' })).toBe(false);
  });
  it('resumes at the end of quiet hours in local time, across DST nights', () => {
    const next = (s: string, tz: string) => iso(nextAllowedTime(new Date(s), tz, quiet));
    expect(next('2025-03-29T22:30:00Z', 'Europe/Berlin')).toBe('2025-03-30T06:00:00.000Z'); // 23:30 CET -> 08:00 CEST
    expect(next('2025-03-30T01:30:00Z', 'Europe/Berlin')).toBe('2025-03-30T06:00:00.000Z'); // 03:30 CEST, after midnight
    expect(next('2025-10-25T21:00:00Z', 'Europe/Berlin')).toBe('2025-10-26T07:00:00.000Z'); // 23:00 CEST -> 08:00 CET
    expect(next('2025-11-02T03:00:00Z', 'America/New_York')).toBe('2025-11-02T13:00:00.000Z'); // 23:00 EDT -> 08:00 EST
    expect(next('2025-03-09T03:00:00Z', 'America/New_York')).toBe('2025-03-09T12:00:00.000Z'); // 22:00 EST -> 08:00 EDT
    expect(next('2025-03-09T17:00:00Z', 'America/New_York')).toBe('2025-03-09T17:00:00.000Z'); // 13:00: allowed already
  });
});

describe('formatInZone', () => {
  it('shows the local time and zone name in the requested locale', () => {
    const d = new Date('2025-03-31T08:00:00Z');
    expect(formatInZone(d, 'Europe/Berlin', 'en-GB')).toMatch(/31 Mar 2025.*10:00.*CEST/);
    expect(formatInZone(d, 'America/New_York', 'en-US')).toMatch(/Mar 31, 2025.*04:00.*EDT/);
  });
});
