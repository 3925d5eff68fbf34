import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseRosterCsv } from '../../../src/core/roster/parse-roster-csv.js';
import { csvSafeCell, isFormulaLike } from '../../../src/core/roster/csv-safe.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const errorsOf = (input: string | Uint8Array) => {
  const r = parseRosterCsv(input);
  if (r.ok) throw new Error(`expected errors, got ${r.rows.length} rows`);
  return r.errors;
};

describe('parseRosterCsv: good files', () => {
  it('reads the four columns with flexible headers, ids, @usernames and mentions', () => {
    const csv = [
      'Full Name,E-Mail,WordPress Username,Discord ID,Student number',
      'Zoë Müller,Zoe.Mueller@Uni.example,zoem,123456789012345678,001',
      '"O\'Brien, Seán",sean@uni.example,,@Sean.OBrien,002',
      'Amélie Laurent,amelie@uni.example,amelie l,<@!223456789012345678>,003',
      ',,,,', // trailing empty row from a spreadsheet
      '',
    ].join('\r\n');
    const r = parseRosterCsv(utf8(csv));
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, name: 'Zoë Müller', email: 'zoe.mueller@uni.example', blogUsername: 'zoem', discordUserId: '123456789012345678', discordUsername: null },
        { line: 3, name: "O'Brien, Seán", email: 'sean@uni.example', blogUsername: null, discordUserId: null, discordUsername: 'sean.obrien' },
        { line: 4, name: 'Amélie Laurent', email: 'amelie@uni.example', blogUsername: 'amelie l', discordUserId: '223456789012345678', discordUsername: null },
      ],
    });
  });

  it('accepts a UTF-8 BOM, semicolon-delimited exports and columns in any order', () => {
    const csv = '\uFEFFdiscord;EMAIL;name\nana_b;ana@uni.example;Ana\n';
    const r = parseRosterCsv(Buffer.from(csv, 'utf8'));
    expect(r.ok && r.rows).toEqual([{ line: 2, name: 'Ana', email: 'ana@uni.example', blogUsername: null, discordUserId: null, discordUsername: 'ana_b' }]);
    expect(parseRosterCsv('\uFEFFname,email\nBo,bo@uni.example').ok).toBe(true);
  });
});

describe('parseRosterCsv: malformed files get line-level errors and no rows', () => {
  it('names every line that is not UTF-8 (a Windows-1252 export)', () => {
    const latin1 = Buffer.concat([utf8('name,email\nAna,ana@uni.example\n'), Buffer.from([0x5a, 0x6f, 0xeb]), utf8(',zoe@uni.example\n')]);
    expect(errorsOf(latin1)).toEqual([{ line: 3, message: expect.stringMatching(/not valid UTF-8.*CSV UTF-8/) }]);
  });

  it('explains UTF-16 files and spreadsheet workbooks', () => {
    expect(errorsOf(Buffer.from('\uFEFFname,email', 'utf16le'))[0]!.message).toMatch(/UTF-16/);
    expect(errorsOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))[0]!.message).toMatch(/workbook/);
  });

  it('reports missing required columns on the header line, listing what was found', () => {
    const [e] = errorsOf('Name,Blog\nAna,ana\n');
    expect(e).toEqual({ line: 1, message: expect.stringContaining('Missing required column(s): email. Found: "Name", "Blog"') });
    expect(errorsOf('name,email,mail\n')[0]!.message).toMatch(/Two columns mean email/);
  });

  it('rejects duplicates of email, Discord user and blog username, case-insensitively, pointing at the first line', () => {
    const errors = errorsOf(
      [
        'name,email,blog username,discord user',
        'Ana,ana@uni.example,ana,ana.b',
        'Ana Two,ANA@uni.example,x1,x1',
        'Bo,bo@uni.example,ANA,@Ana.B',
        'Cy,cy@uni.example,cy,123456789012345678',
        'Di,di@uni.example,di,<@123456789012345678>',
      ].join('\n'),
    );
    expect(errors).toEqual([
      { line: 3, message: 'Email ana@uni.example is also on line 2.' },
      { line: 4, message: 'Discord user ana.b is also on line 2.' },
      { line: 4, message: 'Blog username ANA is also on line 2.' },
      { line: 6, message: 'Discord user 123456789012345678 is also on line 5.' },
    ]);
  });

  it('rejects formula injection in any identity cell, but not a plain @username', () => {
    const errors = errorsOf(
      [
        'name,email,blog username,discord user',
        '"=HYPERLINK(""http://evil.example"",""click"")",a@uni.example,,',
        'Bo,bo@uni.example,+cmd,',
        'Cy,cy@uni.example,,@cy_ok',
        'Di,di@uni.example,,"@SUM(1+1)"',
        '"\tEve",eve@uni.example,,',
        '-Fay,fay@uni.example,,',
      ].join('\n'),
    );
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5, 6, 7]);
    expect(errors[0]!.message).toMatch(/name cell starts with "=".*formula/);
    expect(errors[2]!.message).toMatch(/Discord user cell starts with "@"/);
    expect(errors[3]!.message).toMatch(/starts with "a tab"/);
    // Typed by hand without quoting, the formula's comma also splits the line: both problems are named.
    const raw = errorsOf('name,email\n=HYPERLINK("http://evil.example","x"),a@uni.example\n');
    expect(raw.map((e) => e.line)).toEqual([2, 2]);
    expect(raw[1]!.message).toMatch(/formula/);
  });

  it('rejects invalid emails and Discord values, empty names, and ragged or broken CSV', () => {
    const errors = errorsOf(
      ['name,email,discord', 'Ana,not-an-email,', ',bo@uni.example,', 'Cy,cy@uni.example,Old#1234', 'Di,di@uni.example,a', 'Ed,ed@uni.example,ed,extra'].join(
        '\n',
      ),
    );
    expect(errors).toEqual([
      { line: 2, message: '"not-an-email" is not a valid email address.' },
      { line: 3, message: 'Name is empty.' },
      { line: 4, message: expect.stringMatching(/old Discord tag/) },
      { line: 5, message: expect.stringMatching(/neither a Discord user id/) },
      { line: 6, message: expect.stringMatching(/4 fields but the header has 3/) },
    ]);
    expect(errorsOf('name,email\nAna,"ana@uni.example\n')[0]).toEqual({ line: 2, message: expect.stringMatching(/not valid CSV: Quote Not Closed/) });
    expect(errorsOf('')[0]!.message).toBe('The file is empty.');
    expect(errorsOf('name,email\n\n')[0]!.message).toMatch(/no students/);
  });

  it('applies nothing when only one line is bad', () => {
    const lines = ['name,email'];
    for (let i = 0; i < 200; i++) lines.push(`Student ${i},s${i}@uni.example`);
    lines.push('Bad,=1+1');
    const r = parseRosterCsv(lines.join('\n'));
    expect(r.ok).toBe(false);
    expect('rows' in r).toBe(false);
  });
});

describe('csvSafeCell', () => {
  it('prefixes formula-like text with a quote and leaves other values alone', () => {
    expect(['=1+1', '+1', '-x', '@SUM(A1)', '\tx', '\rx'].map(csvSafeCell)).toEqual(["'=1+1", "'+1", "'-x", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(csvSafeCell('Zoë, "the" best')).toBe('Zoë, "the" best');
    expect(csvSafeCell(-3)).toBe('-3');
    expect(csvSafeCell(null)).toBe('');
    expect(isFormulaLike('a=b')).toBe(false);
  });

  it('round-trips through csv-stringify and csv-parse with commas, quotes and accents intact', () => {
    const rows = [
      ['Name', 'Note'],
      ['Müller, Zoë', 'said "hi"'],
      ['=HYPERLINK("x")', '-5'],
    ];
    const text = stringify(rows.map((r) => r.map(csvSafeCell)));
    const back = parse(text);
    expect(back).toEqual([
      ['Name', 'Note'],
      ['Müller, Zoë', 'said "hi"'],
      ['\'=HYPERLINK("x")', "'-5"],
    ]);
  });
});
