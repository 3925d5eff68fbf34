// /reviews list format:csv — the whole round as a spreadsheet: UTF-8 with a BOM and CRLF rows (as the
// participation CSV), every text cell through csvSafeCell so a title like "=1+1" stays text. The CSV
// library loads on first use, like the participation CSV's: start-up does not pay for it.
import { csvSafeCell } from '../core/roster/csv-safe.js';
import { localParts } from '../core/time/zoned.js';
import type { ReviewPair } from './round-pairs.js';

/** "2026-12-07 23:00": a sortable local time a spreadsheet reads; the zone is named in the header. */
export function localDateTime(date: Date, timeZone: string): string {
  const { y, m, d, h, min } = localParts(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(min)}`;
}

export async function reviewPairsCsv(pairs: readonly ReviewPair[], input: { timeZone: string; discordNames: ReadonlyMap<string, string> }): Promise<Buffer> {
  const { stringify } = await import('csv-stringify/sync');
  const header = ['Reviewer', 'Reviewer Discord name', 'Essay title', 'Essay author', 'Essay URL', `Due (${input.timeZone})`, 'Done'];
  const records = pairs.map((p) =>
    [
      p.reviewerName,
      p.reviewerDiscordUserId ? (input.discordNames.get(p.reviewerDiscordUserId) ?? '') : '',
      p.essay?.title ?? 'any peer essay',
      p.essay?.authorName ?? '',
      p.essay?.url ?? '',
      localDateTime(p.dueAt, input.timeZone),
      p.done ? 'yes' : 'no',
    ].map(csvSafeCell),
  );
  return Buffer.from(stringify([header, ...records], { bom: true, record_delimiter: 'windows' }), 'utf8');
}
