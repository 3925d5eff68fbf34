import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { participationCsv, participationCsvHeader, PARTICIPATION_NUMBER_COLUMNS } from '../../../src/reports/render/participation-csv.js';
import type { ParticipationRow } from '../../../src/reports/render/types.js';
import { trickyRows } from './fixtures.js';

const FORMULA = /^[=+\-@\t\r]/;

function parseBack(buf: Buffer): string[][] {
  return parse(buf, { bom: true, relax_column_count: false, record_delimiter: '\r\n' });
}

/** What a protected text cell must look like: the input, with an apostrophe before a formula start. */
const expectedText = (s: string | null) => (s === null ? '' : FORMULA.test(s) ? `'${s}` : s);

describe('participationCsv', () => {
  const rows = trickyRows();

  it('starts with a UTF-8 BOM and a header row', async () => {
    const buf = await participationCsv(rows, { includeEmail: true });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseBack(buf)[0]).toEqual(['Student', 'Email', ...PARTICIPATION_NUMBER_COLUMNS.map(([, l]) => l)]);
    expect(buf.toString('utf8')).toContain('Zoë Ångström'); // accents stored as UTF-8, not mangled
  });

  it('parses back to the input rows, with formula-like cells prefixed by an apostrophe', async () => {
    const records = parseBack(await participationCsv(rows, { includeEmail: true })).slice(1);
    expect(records).toHaveLength(rows.length);
    records.forEach((rec, i) => {
      const r = rows[i]!;
      expect(rec[0]).toBe(expectedText(r.studentName));
      expect(rec[1]).toBe(expectedText(r.email));
      expect(rec.slice(2).map(Number)).toEqual(PARTICIPATION_NUMBER_COLUMNS.map(([k]) => r[k]));
    });
  });

  it('protects every formula start named by OWASP and leaves other names untouched', async () => {
    const records = parseBack(await participationCsv(rows, { includeEmail: false })).slice(1);
    const byInput = new Map(rows.map((r, i) => [r.studentName, records[i]![0]!]));
    for (const name of ['=HYPERLINK("http://evil.example","x")', '+33 6 12 34 56', '-Anna', '@everyone', '\tTabby', '\rCarriage']) {
      expect(byInput.get(name)).toBe(`'${name}`);
    }
    for (const name of ['Zoë Ångström', 'O\'Brien, "Pat"', 'Line\nBreak', '李小龙']) expect(byInput.get(name)).toBe(name);
    // No cell of the file starts a formula once parsed.
    for (const rec of records) for (const cell of rec) expect(FORMULA.test(cell)).toBe(false);
  });

  it('leaves the e-mail column out unless asked', async () => {
    const buf = await participationCsv(rows, { includeEmail: false });
    const records = parseBack(buf);
    expect(records[0]).toEqual(participationCsvHeader({ includeEmail: false }));
    expect(records[0]).not.toContain('Email');
    expect(records.every((r) => r.length === 1 + PARTICIPATION_NUMBER_COLUMNS.length)).toBe(true);
    expect(buf.toString('utf8')).not.toContain('@uni.example');
  });

  it('writes a header-only file for an empty course', async () => {
    const records = parseBack(await participationCsv([] as ParticipationRow[], { includeEmail: true }));
    expect(records).toHaveLength(1);
  });
});
