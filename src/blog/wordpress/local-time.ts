// WordPress compares `after` / `modified_after` with the blog's local wall-clock time (post_date),
// so the adapter must speak the blog's time zone. A zone is an IANA name (timezone_string) or,
// when the site is set to a plain "UTC+2" style offset, a fixed number of hours (gmt_offset).
// The arithmetic is Temporal's (temporal-polyfill), the same library as src/core/time.
import { Temporal } from 'temporal-polyfill';

export interface BlogZone {
  /** IANA name such as 'America/Chicago'; null when the site uses a fixed offset. */
  iana: string | null;
  /** Fixed offset in hours, used when `iana` is null (may be fractional: 5.5). */
  gmtOffsetHours: number;
}

export const UTC_ZONE: BlogZone = { iana: 'UTC', gmtOffsetHours: 0 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone as Temporal names it: the IANA name, or a fixed offset such as '+05:30' or '-09:30'. */
function temporalZone(zone: BlogZone): string {
  if (zone.iana) return zone.iana;
  const minutes = Math.round(zone.gmtOffsetHours * 60);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function inZone(date: Date, zone: BlogZone): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(temporalZone(zone));
}

/** The zone's offset from UTC in minutes at the given instant (DST-aware for IANA zones). */
export function offsetMinutesAt(date: Date, zone: BlogZone): number {
  return Math.round(inZone(date, zone).offsetNanoseconds / 60e9);
}

/** 'YYYY-MM-DDTHH:mm:ss' in the blog's local time, without an offset (as WordPress's `date`). */
export function formatLocal(date: Date, zone: BlogZone): string {
  return inZone(date, zone).toPlainDateTime().toString({ smallestUnit: 'second' });
}

/**
 * Parses a local 'YYYY-MM-DDTHH:mm:ss' (no offset) as wall-clock time in the zone. Like WordPress (PHP's
 * DateTime), a time skipped by a spring change means the instant one gap later, a repeated one its first
 * occurrence: Temporal's 'compatible'.
 */
export function parseLocal(text: string, zone: BlogZone): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) throw new RangeError(`not a local date-time: ${text}`);
  const local = new Temporal.PlainDateTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  return new Date(local.toZonedDateTime(temporalZone(zone), { disambiguation: 'compatible' }).epochMilliseconds);
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
