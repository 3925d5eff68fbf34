import { describe, expect, it } from 'vitest';
import { isoWeek, isoWeekOfLocalDate } from '../../../src/core/participation/iso-week.js';
import { weeklyActivity } from '../../../src/core/participation/weekly-activity.js';

describe('ISO weeks', () => {
  it('follows the ISO year at year boundaries', () => {
    expect(isoWeekOfLocalDate(2024, 12, 30)).toMatchObject({ week: '2025-W01', weekStart: '2024-12-30' });
    expect(isoWeekOfLocalDate(2021, 1, 3)).toMatchObject({ week: '2020-W53', weekStart: '2020-12-28' });
    expect(isoWeekOfLocalDate(2025, 3, 30)).toMatchObject({ week: '2025-W13', weekStart: '2025-03-24' });
  });
  it('uses the local calendar: Sunday 23:30 UTC is already Monday in Berlin', () => {
    const sundayNight = new Date('2025-03-30T22:30:00Z');
    expect(isoWeek(sundayNight).week).toBe('2025-W13');
    expect(isoWeek(sundayNight, 'Europe/Berlin').week).toBe('2025-W14');
  });
});

describe('weeklyActivity', () => {
  it('counts per kind and keeps empty weeks between active ones', () => {
    const rows = weeklyActivity([
      { at: new Date('2025-03-03T10:00:00Z'), kind: 'essay' },
      { at: new Date('2025-03-04T10:00:00Z'), kind: 'discord' },
      { at: new Date('2025-03-09T23:00:00Z'), kind: 'blog' }, // Sunday, still W10 in UTC
      { at: new Date('2025-03-18T10:00:00Z'), kind: 'review' },
    ]);
    expect(rows).toEqual([
      { week: '2025-W10', weekStart: '2025-03-03', essays: 1, commentsDiscord: 1, commentsBlog: 1, reviewsDone: 0 },
      { week: '2025-W11', weekStart: '2025-03-10', essays: 0, commentsDiscord: 0, commentsBlog: 0, reviewsDone: 0 },
      { week: '2025-W12', weekStart: '2025-03-17', essays: 0, commentsDiscord: 0, commentsBlog: 0, reviewsDone: 1 },
    ]);
    expect(weeklyActivity([])).toEqual([]);
    // Runs on to the week of `through`, with zeros.
    const extended = weeklyActivity([{ at: new Date('2025-03-03T10:00:00Z'), kind: 'essay' }], 'UTC', new Date('2025-03-12T00:00:00Z'));
    expect(extended.map((w) => [w.week, w.essays])).toEqual([
      ['2025-W10', 1],
      ['2025-W11', 0],
    ]);
  });
});
