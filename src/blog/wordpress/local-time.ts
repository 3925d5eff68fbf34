// WordPress compares `after` / `modified_after` with the blog's local wall-clock time (post_date),
// so the adapter must speak the blog's time zone. A zone is an IANA name (timezone_string) or,
// when the site is set to a plain "UTC+2" style offset, a fixed number of hours (gmt_offset).

export interface BlogZone {
  /** IANA name such as 'America/Chicago'; null when the site uses a fixed offset. */
  iana: string | null;
  /** Fixed offset in hours, used when `iana` is null (may be fractional: 5.5). */
  gmtOffsetHours: number;
}

export const UTC_ZONE: BlogZone = { iana: 'UTC', gmtOffsetHours: 0 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at the given instant (DST-aware for IANA zones). */
export function offsetMinutesAt(date: Date, zone: BlogZone): number {
  if (!zone.iana) return Math.round(zone.gmtOffsetHours * 60);
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone.iana).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DDTHH:mm:ss' in the blog's local time, without an offset (as WordPress's `date`). */
export function formatLocal(date: Date, zone: BlogZone): string {
  const local = new Date(date.getTime() + offsetMinutesAt(date, zone) * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  );
}

/** Parses a local 'YYYY-MM-DDTHH:mm:ss' (no offset) as wall-clock time in the zone. */
export function parseLocal(text: string, zone: BlogZone): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) throw new RangeError(`not a local date-time: ${text}`);
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Two passes settle on the right offset except inside a DST gap, where any nearby instant will do.
  let guess = asUtc - offsetMinutesAt(new Date(asUtc), zone) * 60_000;
  guess = asUtc - offsetMinutesAt(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** Parses WordPress's `date_gmt` ('YYYY-MM-DDTHH:mm:ss', UTC without a suffix). */
export function parseGmt(text: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
}

/**
 * The local time to send as an exclusive `after` so nothing at or after `since` is missed.
 * WordPress compares local wall-clock strings, which stop being monotonic when clocks go back:
 * if that happens within the hour after `since`, later posts can carry earlier local times, so
 * an extra hour is subtracted then. (Spring-forward gaps only skip strings; they need nothing.)
 */
export function exclusiveAfterParam(since: Date, zone: BlogZone, marginMs: number): string {
  let t = since.getTime() - marginMs;
  const hour = 3600_000;
  if (offsetMinutesAt(new Date(t + hour), zone) < offsetMinutesAt(new Date(t), zone)) t -= hour;
  return formatLocal(new Date(t), zone);
}
