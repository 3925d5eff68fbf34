import { describe, expect, it } from 'vitest';
import { exclusiveAfterParam, formatLocal, offsetMinutesAt, parseGmt, parseLocal } from '../../../src/blog/wordpress/local-time.js';

const chicago = { iana: 'America/Chicago', gmtOffsetHours: 0 };
const kolkataFixed = { iana: null, gmtOffsetHours: 5.5 };

describe('blog-local time', () => {
  it('formats an instant as the blog wall clock, DST-aware', () => {
    expect(formatLocal(new Date('2026-11-22T20:00:17Z'), chicago)).toBe('2026-11-22T14:00:17'); // CST, -6
    expect(formatLocal(new Date('2026-07-01T20:00:17Z'), chicago)).toBe('2026-07-01T15:00:17'); // CDT, -5
    expect(formatLocal(new Date('2026-01-01T00:00:00Z'), kolkataFixed)).toBe('2026-01-01T05:30:00');
  });

  it('parses local wall-clock time back to the same instant', () => {
    for (const iso of ['2026-11-22T20:00:17Z', '2026-03-08T07:59:59Z', '2026-03-08T08:00:00Z', '2026-07-01T12:34:56Z']) {
      const d = new Date(iso);
      expect(parseLocal(formatLocal(d, chicago), chicago).toISOString()).toBe(d.toISOString());
    }
    expect(parseLocal('2026-01-01T05:30:00', kolkataFixed).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reads date_gmt without a suffix as UTC', () => {
    expect(parseGmt('2026-11-22T20:00:17').toISOString()).toBe('2026-11-22T20:00:17.000Z');
    expect(parseGmt('2026-11-22T20:00:17+00:00').toISOString()).toBe('2026-11-22T20:00:17.000Z');
  });

  it('knows the offset at an instant', () => {
    expect(offsetMinutesAt(new Date('2026-11-22T20:00:00Z'), chicago)).toBe(-360);
    expect(offsetMinutesAt(new Date('2026-07-01T20:00:00Z'), chicago)).toBe(-300);
  });

  it('moves `after` back by the margin, and an extra hour next to a DST change', () => {
    const since = new Date('2026-11-22T20:00:17Z');
    expect(exclusiveAfterParam(since, chicago, 120_000)).toBe('2026-11-22T13:58:17');
    // Clocks went back at 2026-11-01 07:00Z (02:00 CDT -> 01:00 CST): 01:00-02:00 happened twice.
    // 06:30Z is 01:30 CDT; a post at 07:10Z is stamped 01:10 (CST), so `after` must be before 01:00.
    expect(exclusiveAfterParam(new Date('2026-11-01T06:30:00Z'), chicago, 0)).toBe('2026-11-01T00:30:00');
    // 07:30Z is 01:30 CST, after the repeat: later posts all have later local times.
    expect(exclusiveAfterParam(new Date('2026-11-01T07:30:00Z'), chicago, 0)).toBe('2026-11-01T01:30:00');
  });

  // Expected instants worked out by hand from the zone rules; WordPress (PHP DateTime) resolves a wall
  // time in a gap forward and a repeated one to its first occurrence, and so do we.
  it('parses a wall time in the spring gap as the instant one gap later (02:30 on 2026-03-08 is 03:30 CDT)', () => {
    expect(parseLocal('2026-03-08T02:30:00', chicago).toISOString()).toBe('2026-03-08T08:30:00.000Z');
  });

  it('parses a wall time in the repeated autumn hour as its first occurrence (01:30 CDT)', () => {
    expect(parseLocal('2026-11-01T01:30:00', chicago).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('speaks half-hour zones, named or fixed, ahead of or behind UTC', () => {
    expect(formatLocal(new Date('2026-01-01T00:00:00Z'), { iana: 'Asia/Kolkata', gmtOffsetHours: 0 })).toBe('2026-01-01T05:30:00');
    expect(offsetMinutesAt(new Date('2026-01-15T00:00:00Z'), { iana: 'Australia/Adelaide', gmtOffsetHours: 0 })).toBe(630);
    expect(formatLocal(new Date('2026-01-01T00:00:00Z'), { iana: null, gmtOffsetHours: -9.5 })).toBe('2025-12-31T14:30:00');
    expect(parseLocal('2025-12-31T14:30:00', { iana: null, gmtOffsetHours: -9.5 }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('steps `after` back an extra hour before Sydney’s April change (southern autumn)', () => {
    const sydney = { iana: 'Australia/Sydney', gmtOffsetHours: 0 };
    // Clocks go back at 2026-04-04T16:00Z (03:00 AEDT -> 02:00 AEST); 15:30Z is 02:30 AEDT.
    expect(exclusiveAfterParam(new Date('2026-04-04T15:30:00Z'), sydney, 0)).toBe('2026-04-05T01:30:00');
    expect(formatLocal(new Date('2026-07-01T00:00:00Z'), sydney)).toBe('2026-07-01T10:00:00'); // AEST in winter
  });
});
