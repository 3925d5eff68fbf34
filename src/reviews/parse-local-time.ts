// Dates staff type in slash command options, read in the course's time zone.
import { zonedTimeToUtc } from '../core/time/zoned.js';
import { UserError } from '../shared/user-error.js';

/** "2026-11-02 17:00" (or "2026-11-02T17:00") in `timeZone`; a bare date means 23:59 that day. */
export function parseLocalDateTime(value: string, timeZone: string, option: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (!m) throw new UserError(`${option}: use YYYY-MM-DD HH:MM in the course time zone (${timeZone}), e.g. 2026-11-02 17:00.`);
  const [y, mo, d, h, min] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 23 : Number(m[4]), m[5] === undefined ? 59 : Number(m[5])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || min > 59) throw new UserError(`${option}: "${value}" is not a real date and time.`);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) throw new UserError(`${option}: ${value.slice(0, 10)} does not exist.`);
  return zonedTimeToUtc({ y, m: mo, d, h, min }, timeZone);
}

/** "YYYY-MM-DD" as the first (or last) minute of that local day. */
export function parseLocalDay(value: string, timeZone: string, option: string, edge: 'start' | 'end'): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new UserError(`${option}: use YYYY-MM-DD, e.g. 2026-10-01.`);
  return parseLocalDateTime(`${value.trim()} ${edge === 'start' ? '00:00' : '23:59'}`, timeZone, option);
}
