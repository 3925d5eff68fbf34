import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatInZone,
  isWithinQuietHours,
  localDateKey,
  localParts,
  nextAllowedTime,
  parseHhMm,
  zonedTimeToUtc,
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

// DST edges beyond Europe and North America. Expected instants are worked out by hand from the zone rules
// (offsets in the comments), not by the code under test.
describe('DST edges: southern hemisphere, half-hour offsets, a half-hour DST shift', () => {
  it('moves a Sydney wall time in the October spring gap forward by the gap (02:30 -> 03:30 AEDT, +11)', () => {
    expect(iso(zonedTimeToUtc({ y: 2026, m: 10, d: 4, h: 2, min: 30 }, 'Australia/Sydney'))).toBe('2026-10-03T16:30:00.000Z');
  });
  it('picks the earlier (AEDT, +11) or later (AEST, +10) instant of Sydney’s repeated April hour', () => {
    expect(iso(zonedTimeToUtc({ y: 2026, m: 4, d: 5, h: 2, min: 30 }, 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2026, m: 4, d: 5, h: 2, min: 30 }, 'Australia/Sydney', 'later'))).toBe('2026-04-04T16:30:00.000Z');
  });
  it('reads January as summer in Sydney', () => {
    expect(localParts(new Date('2026-01-15T00:00:00Z'), 'Australia/Sydney')).toMatchObject({ y: 2026, m: 1, d: 15, h: 11, min: 0, weekday: 4 });
  });
  it('keeps the wall time across Sydney’s April change (midnight the day before is still midnight)', () => {
    // 2026-04-05T14:00Z is 00:00 AEST on April 6; April 5 00:00 was still AEDT (+11).
    expect(iso(addLocalDays(new Date('2026-04-05T14:00:00Z'), -1, 'Australia/Sydney'))).toBe('2026-04-04T13:00:00.000Z');
  });
  it('handles a zone 5:30 ahead of UTC (Kolkata): wall times, local dates, quiet hours', () => {
    expect(iso(zonedTimeToUtc({ y: 2026, m: 1, d: 1, h: 9, min: 0 }, 'Asia/Kolkata'))).toBe('2026-01-01T03:30:00.000Z');
    expect(localDateKey(new Date('2026-01-01T18:45:00Z'), 'Asia/Kolkata')).toBe('2026-01-02'); // 00:15 IST
    expect(isWithinQuietHours(new Date('2026-01-01T16:29:00Z'), 'Asia/Kolkata', quiet)).toBe(false); // 21:59 IST
    expect(iso(nextAllowedTime(new Date('2026-01-01T17:00:00Z'), 'Asia/Kolkata', quiet))).toBe('2026-01-02T02:30:00.000Z'); // 22:30 -> 08:00 IST
  });
  it('moves a wall time in Adelaide’s gap (+9:30 -> +10:30) forward by the gap', () => {
    expect(iso(zonedTimeToUtc({ y: 2026, m: 10, d: 4, h: 2, min: 15 }, 'Australia/Adelaide'))).toBe('2026-10-03T16:45:00.000Z'); // 03:15 ACDT
  });
  it('handles Lord Howe Island, whose clocks change by only 30 minutes (+10:30 <-> +11)', () => {
    // October 4 2026: 02:00 becomes 02:30, so 02:15 does not exist and means 02:45 (+11).
    expect(iso(zonedTimeToUtc({ y: 2026, m: 10, d: 4, h: 2, min: 15 }, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z');
    // April 5 2026: 02:00 becomes 01:30, so 01:45 happens twice.
    expect(iso(zonedTimeToUtc({ y: 2026, m: 4, d: 5, h: 1, min: 45 }, 'Australia/Lord_Howe'))).toBe('2026-04-04T14:45:00.000Z');
    expect(iso(zonedTimeToUtc({ y: 2026, m: 4, d: 5, h: 1, min: 45 }, 'Australia/Lord_Howe', 'later'))).toBe('2026-04-04T15:15:00.000Z');
  });
  it('rejects an unknown zone with a RangeError', () => {
    expect(() => localParts(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedTimeToUtc({ y: 2026, m: 1, d: 1, h: 0, min: 0 }, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('addLocalDays works to the minute', () => {
  it('drops seconds, which stage times add back themselves', () => {
    expect(iso(addLocalDays(new Date('2025-03-31T08:00:42.500Z'), -1, 'Europe/Berlin'))).toBe('2025-03-30T08:00:00.000Z');
  });
});
