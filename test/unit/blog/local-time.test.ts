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
});
