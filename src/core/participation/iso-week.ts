// ISO-8601 weeks (Monday first; week 1 holds the year's first Thursday), on the local calendar.
import { localParts } from '../time/zoned.js';

const DAY = 86_400_000;

function ymd(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export interface IsoWeek {
  week: string;
  weekStart: string;
  /** UTC midnight of the local Monday, handy for stepping week by week. */
  mondayMs: number;
}

export function isoWeekOfLocalDate(y: number, m: number, d: number): IsoWeek {
  const day = Date.UTC(y, m - 1, d);
  const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1; // 1 = Monday
  const monday = day - (weekday - 1) * DAY;
  const thursday = day + (4 - weekday) * DAY;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * DAY));
  return { week: `${isoYear}-W${String(week).padStart(2, '0')}`, weekStart: ymd(monday), mondayMs: monday };
}

export function isoWeek(date: Date, timeZone = 'UTC'): IsoWeek {
  const p = localParts(date, timeZone);
  return isoWeekOfLocalDate(p.y, p.m, p.d);
}

/** Every ISO week from `first` to `last` inclusive (both Mondays from isoWeek). */
export function weeksBetween(first: IsoWeek, last: IsoWeek): IsoWeek[] {
  const out: IsoWeek[] = [];
  for (let t = first.mondayMs; t <= last.mondayMs; t += 7 * DAY) {
    const d = new Date(t);
    out.push(isoWeekOfLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  return out;
}
