// Wall clocks in a course's time zone, computed by Temporal (temporal-polyfill): no offset arithmetic of our
// own. The polyfill reads zone rules from the runtime's Intl (ICU) data, so DST rules stay as current as Node.
import { Temporal } from 'temporal-polyfill';

export interface LocalParts {
  y: number;
  m: number; // 1..12
  d: number;
  h: number; // 0..23
  min: number;
  s: number;
  /** 1 = Monday .. 7 = Sunday (ISO). */
  weekday: number;
}

export interface WallTime {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
}

/** 'compatible' follows Temporal: a wall time in a gap moves forward, one in an overlap takes the earlier instant. */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

/** The instant as a wall clock in the zone; Temporal throws a RangeError for an unknown zone. */
function inZone(date: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const z = inZone(date, timeZone);
  return { y: z.year, m: z.month, d: z.day, h: z.hour, min: z.minute, s: z.second, weekday: z.dayOfWeek };
}

/**
 * The UTC instant at which the zone's clocks show `wall`. Out-of-range fields are normalised first
 * (d: 32 rolls into next month, d: 0 is the last day of the month before), which makes "local date + 1 day"
 * easy for callers. Each field is added on its own: Temporal refuses durations that mix signs.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string, disambiguation: Disambiguation = 'compatible'): Date {
  const local = Temporal.PlainDateTime.from({ year: wall.y, month: 1, day: 1 })
    .add({ months: wall.m - 1 })
    .add({ days: wall.d - 1 })
    .add({ hours: wall.h })
    .add({ minutes: wall.min });
  return new Date(local.toZonedDateTime(timeZone, { disambiguation }).epochMilliseconds);
}

/**
 * Adds whole days on the local calendar (same wall time, to the minute: seconds are dropped, as callers add
 * their sub-minute rest back), so "the day before at 10:00" stays 10:00 across DST.
 */
export function addLocalDays(date: Date, days: number, timeZone: string): Date {
  const wall = inZone(date, timeZone).toPlainDateTime().add({ days }).round({ smallestUnit: 'minute', roundingMode: 'trunc' });
  return new Date(wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
}

/** 'YYYY-MM-DD' of the local calendar date. */
export function localDateKey(date: Date, timeZone: string): string {
  return inZone(date, timeZone).toPlainDate().toString();
}

export function formatInZone(date: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

export interface QuietHours {
  start: string; // 'HH:MM'
  end: string; // 'HH:MM'
}

export function parseHhMm(value: string): number {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new RangeError(`"${value}" is not a time of day (HH:MM, 00:00-23:59)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since local midnight. */
function localMinutes(date: Date, timeZone: string): number {
  const z = inZone(date, timeZone);
  return z.hour * 60 + z.minute;
}

export function isWithinQuietHours(date: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = parseHhMm(quiet.start);
  const end = parseHhMm(quiet.end);
  // start === end is read as "no quiet hours": a 24-hour silence would drop every reminder.
  if (start === end) return false;
  const m = localMinutes(date, timeZone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** `date` itself when sending is allowed, else the instant quiet hours end (local wall time, DST-aware). */
export function nextAllowedTime(date: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || !isWithinQuietHours(date, timeZone, quiet)) return date;
  const end = parseHhMm(quiet.end);
  const local = inZone(date, timeZone);
  // Before the end on the same local day (after midnight, or a same-day window); otherwise tomorrow.
  const day = local.hour * 60 + local.minute < end ? local.toPlainDate() : local.toPlainDate().add({ days: 1 });
  const plainTime = new Temporal.PlainTime(Math.floor(end / 60), end % 60);
  const at = new Date(day.toZonedDateTime({ timeZone, plainTime }).epochMilliseconds);
  // A wall time skipped by DST resolves forward; never return something earlier than asked.
  return at.getTime() > date.getTime() ? at : date;
}
