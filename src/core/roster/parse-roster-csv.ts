// Parses a roster CSV (name, email, blog username, Discord user) into validated rows, or into a list
// of line-level errors. All or nothing: one bad line makes the whole file ok:false, so an import
// never half-applies.
import { parse } from 'csv-parse/sync';
import { isFormulaLike } from './csv-safe.js';
import { decodeCsvBytes } from './decode-csv-bytes.js';
import { checkBlogUsername, checkDiscordUser, checkEmail, checkName, type Checked } from './identity-fields.js';
import { FIELD_LABEL, matchColumns, type ColumnMap, type RosterField } from './roster-columns.js';

export interface RosterRow {
  line: number;
  name: string;
  email: string;
  blogUsername: string | null;
  discordUserId: string | null;
  discordUsername: string | null;
}

export interface RosterError {
  line: number;
  message: string;
}

export type RosterParseResult = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

export const MAX_ROSTER_ROWS = 5000;

/** Excel in many European locales writes ";" and some exports use tabs: pick what the header uses. */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

interface Parsed {
  record: string[];
  info: { lines: number };
}

export function parseRosterCsv(input: Uint8Array | string): RosterParseResult {
  const decoded = decodeCsvBytes(input);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, errors: [{ line: 1, message: 'The file is empty.' }] };
  let records: Parsed[];
  try {
    records = parse(decoded.text, {
      delimiter: detectDelimiter(decoded.text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as Parsed[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return { ok: false, errors: [{ line: e.lines ?? 1, message: `The file is not valid CSV: ${e.message ?? String(err)}` }] };
  }
  const [header, ...body] = records;
  const columns = matchColumns(header!.record.map((h) => h.trim()));
  if (columns.problems.length) return { ok: false, errors: columns.problems.map((message) => ({ line: header!.info.lines, message })) };
  const rows = body.filter((r) => r.record.some((cell) => cell.trim() !== '')); // Excel leaves ",,," rows
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, message: 'The file has a header but no students.' }] };
  if (rows.length > MAX_ROSTER_ROWS)
    return { ok: false, errors: [{ line: 1, message: `The file has ${rows.length} students; the limit is ${MAX_ROSTER_ROWS}.` }] };

  const errors: RosterError[] = [];
  const out: RosterRow[] = [];
  const seen = { email: new Map<string, number>(), discord: new Map<string, number>(), blog: new Map<string, number>() };
  for (const { record, info } of rows) {
    const line = info.lines;
    const before = errors.length;
    if (record.length > header!.record.length) {
      errors.push({
        line,
        message: `This line has ${record.length} fields but the header has ${header!.record.length}; quote cells that contain the delimiter.`,
      });
      if (record.some((c) => isFormulaLike(c.replace(/^ +/, '')))) {
        errors.push({ line, message: 'This line also has a cell starting with = + - @, which spreadsheets run as a formula; remove it.' });
      }
      continue;
    }
    const row = readRow(record, columns.map, line, errors);
    if (!row || errors.length > before) continue;
    duplicate(seen.email, row.email, line, `Email ${row.email}`, errors);
    const discordKey = row.discordUserId ?? row.discordUsername;
    if (discordKey) duplicate(seen.discord, discordKey, line, `Discord user ${discordKey}`, errors);
    if (row.blogUsername) duplicate(seen.blog, row.blogUsername.toLowerCase(), line, `Blog username ${row.blogUsername}`, errors);
    out.push(row);
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows: out };
}

function readRow(record: string[], map: ColumnMap, line: number, errors: RosterError[]): RosterRow | null {
  const cell = (f: RosterField): string | null => {
    const i = map[f];
    if (i === undefined) return '';
    const raw = (record[i] ?? '').replace(/^ +/, '');
    // A Discord "@username" is allowed: it is checked below to be a plain username, never a formula.
    const mentionLike = f === 'discordUser' && /^@[A-Za-z0-9_.]+$/.test(raw.trim());
    if (isFormulaLike(raw) && !mentionLike) {
      errors.push({ line, message: `The ${FIELD_LABEL[f]} cell starts with "${visible(raw[0]!)}", which spreadsheets run as a formula; remove it.` });
      return null;
    }
    return raw.trim();
  };
  const values = { name: cell('name'), email: cell('email'), blog: cell('blogUsername'), discord: cell('discordUser') };
  if (values.name === null || values.email === null || values.blog === null || values.discord === null) return null;
  const name = take(checkName(values.name), line, errors);
  const email = take(checkEmail(values.email), line, errors);
  const blog = take(checkBlogUsername(values.blog), line, errors);
  const discord = take(checkDiscordUser(values.discord), line, errors);
  if (name === undefined || email === undefined || blog === undefined || discord === undefined) return null;
  return { line, name, email, blogUsername: blog, ...discord };
}

function take<T>(c: Checked<T>, line: number, errors: RosterError[]): T | undefined {
  if ('error' in c) {
    errors.push({ line, message: c.error });
    return undefined;
  }
  return c.value;
}

function duplicate(seen: Map<string, number>, key: string, line: number, label: string, errors: RosterError[]): void {
  const first = seen.get(key);
  if (first !== undefined) errors.push({ line, message: `${label} is also on line ${first}.` });
  else seen.set(key, line);
}

function visible(ch: string): string {
  return ch === '\t' ? 'a tab' : ch === '\r' ? 'a carriage return' : ch;
}
