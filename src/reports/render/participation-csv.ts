// Gradebook CSV: UTF-8 with a BOM (Excel otherwise reads accents as Latin-1), CRLF rows (RFC 4180),
// and every text cell passed through csvSafeCell so a name like "=HYPERLINK(...)" stays text.
import { csvSafeCell } from '../../core/roster/csv-safe.js';
import type { ParticipationRow } from './types.js';

type NumericKey = Exclude<keyof ParticipationRow, 'studentName' | 'email'>;

/** Numeric columns in order, with their header labels. */
export const PARTICIPATION_NUMBER_COLUMNS: readonly (readonly [NumericKey, string])[] = [
  ['essaysPublished', 'Essays published'],
  ['commentsGivenDiscord', 'Comments given (Discord)'],
  ['commentsGivenBlog', 'Comments given (blog)'],
  ['commentsReceived', 'Comments received'],
  ['reviewsDone', 'Reviews done'],
  ['reviewsDoneLate', 'Reviews done late'],
  ['reviewsPending', 'Reviews pending'],
  ['reviewsOverdue', 'Reviews overdue'],
  ['remindersSent', 'Reminders sent'],
];

export interface ParticipationCsvOptions {
  /** E-mail is personal data: include it only for a staff download, never by default. */
  includeEmail: boolean;
}

export function participationCsvHeader(options: ParticipationCsvOptions): string[] {
  return ['Student', ...(options.includeEmail ? ['Email'] : []), ...PARTICIPATION_NUMBER_COLUMNS.map(([, label]) => label)];
}

/** Async because the CSV library is loaded on the first download, not when the bot starts. */
export async function participationCsv(rows: readonly ParticipationRow[], options: ParticipationCsvOptions): Promise<Buffer> {
  const { stringify } = await import('csv-stringify/sync');
  const records = rows.map((r) => [
    csvSafeCell(r.studentName),
    ...(options.includeEmail ? [csvSafeCell(r.email)] : []),
    ...PARTICIPATION_NUMBER_COLUMNS.map(([key]) => csvSafeCell(r[key])),
  ]);
  const text = stringify([participationCsvHeader(options), ...records], { bom: true, record_delimiter: 'windows' });
  return Buffer.from(text, 'utf8');
}
