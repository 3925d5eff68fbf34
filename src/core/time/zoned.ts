// Time-zone arithmetic with Intl.DateTimeFormat only (no tz database package): the runtime's ICU data
// is the single source of truth, so DST rules stay as current as Node itself.

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Creating a formatter costs far more than using one: cache per zone (reminder sweeps call this a lot).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Throws a RangeError for an unknown zone, so configuration errors surface early. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const out: LocalParts = { y: 0, m: 0, d: 0, h: 0, min: 0, s: 0, weekday: 0 };
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    switch (p.type) {
      case 'year': out.y = Number(p.value); break;
      case 'month': out.m = Number(p.value); break;
      case 'day': out.d = Number(p.value); break;
      case 'hour': out.h = Number(p.value) % 24; break;
      case 'minute': out.min = Number(p.value); break;
      case 'second': out.s = Number(p.value); break;
      case 'weekday': out.weekday = WEEKDAYS[p.value] ?? 0; break;
      default: break;
    }
  }
  return out;
}

/** Offset of the zone from UTC at this instant, in milliseconds (Berlin in winter: +3_600_000). */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  const whole = date.getTime() - (date.getTime() % 1000 + 1000) % 1000;
  return asUtc - whole;
}

function sameWall(date: Date, wall: WallTime, timeZone: string): boolean {
  const p = localParts(date, timeZone);
  return p.y === wall.y && p.m === wall.m && p.d === wall.d && p.h === wall.h && p.min === wall.min;
}

/**
 * The UTC instant at which the zone's clocks show `wall`. Out-of-range fields are normalised first
 * (d: 32 rolls into next month), which makes "local date + 1 day" easy for callers.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string, disambiguation: Disambiguation = 'compatible'): Date {
  const naive = Date.UTC(wall.y, wall.m - 1, wall.d, wall.h, wall.min);
  const n = new Date(naive);
  const norm: WallTime = { y: n.getUTCFullYear(), m: n.getUTCMonth() + 1, d: n.getUTCDate(), h: n.getUTCHours(), min: n.getUTCMinutes() };
  // Transitions are at most a few hours wide: offsets a day either side bracket every candidate.
  const before = zoneOffsetMs(new Date(naive - 86_400_000), timeZone);
  const after = zoneOffsetMs(new Date(naive + 86_400_000), timeZone);
  const candidates = [...new Set([naive - before, naive - after])]
    .sort((a, b) => a - b)
    .map((t) => new Date(t))
    .filter((d) => sameWall(d, norm, timeZone));
  if (candidates.length === 0) {
    // A gap (clocks jumped forward): 'compatible'/'later' give the instant one gap later, like Temporal.
    return disambiguation === 'earlier' ? new Date(naive - after) : new Date(naive - before);
  }
  if (candidates.length === 1) return candidates[0]!;
  return disambiguation === 'later' ? candidates[1]! : candidates[0]!;
}

/** Adds whole days on the local calendar (same wall time), so "the day before at 10:00" stays 10:00 across DST. */
export function addLocalDays(date: Date, days: number, timeZone: string): Date {
  const p = localParts(date, timeZone);
  return zonedTimeToUtc({ y: p.y, m: p.m, d: p.d + days, h: p.h, min: p.min }, timeZone);
}

/** 'YYYY-MM-DD' of the local calendar date. */
export function localDateKey(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
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
  const p = localParts(date, timeZone);
  return p.h * 60 + p.min;
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
  const p = localParts(date, timeZone);
  const m = p.h * 60 + p.min;
  // Before the end on the same local day (after midnight, or a same-day window); otherwise tomorrow.
  const dayOffset = m < end ? 0 : 1;
  const at = zonedTimeToUtc({ y: p.y, m: p.m, d: p.d + dayOffset, h: Math.floor(end / 60), min: end % 60 }, timeZone);
  // A wall time skipped by DST resolves forward; never return something earlier than asked.
  return at.getTime() > date.getTime() ? at : date;
}
