import { describe, expect, it } from 'vitest';
import { participationPages } from '../../../src/reports/render/participation-pages.js';
import { displayWidth } from '../../../src/reports/render/text-cells.js';
import { syntheticRows, trickyRows } from './fixtures.js';

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Table lines of a page: between the opening ``` and the closing ```, minus the two header lines. */
function tableRows(page: string): string[] {
  const inner = page.split('```\n')[1]!;
  return inner.split('\n').slice(2, -1);
}

describe('participationPages', () => {
  it('pages 400 students into messages of at most 2000 characters with "page i/n" footers', () => {
    const pages = participationPages(syntheticRows(400));
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p.endsWith(`\`\`\`\npage ${i + 1}/${pages.length}`)).toBe(true);
    });
    // Every student exactly once, in input order (the fixture's last column, reminders sent, is 10 + index).
    const listed = pages.flatMap(tableRows);
    expect(listed).toHaveLength(400);
    expect(listed.map((line) => Number(line.trim().split(/\s+/).at(-1)))).toEqual(Array.from({ length: 400 }, (_, i) => 10 + i));
  });

  it('honours a smaller maxChars and refuses one that cannot hold a row', () => {
    const pages = participationPages(syntheticRows(50), { maxChars: 700 });
    expect(pages.every((p) => p.length <= 700)).toBe(true);
    expect(pages.flatMap(tableRows)).toHaveLength(50);
    expect(() => participationPages(syntheticRows(3), { maxChars: 300 })).toThrow(RangeError);
  });

  it('never shows an e-mail address, even when a name is one', () => {
    const pages = participationPages(syntheticRows(60));
    for (const p of pages) expect(p).not.toMatch(EMAIL);
    expect(pages.join('')).toContain('jane.doe@…');
  });

  it('keeps each page one intact code block whatever the names contain', () => {
    for (const p of participationPages(trickyRows())) {
      expect(p.match(/```/g)).toHaveLength(2); // a name with ``` cannot close the block
      const rows = tableRows(p);
      expect(rows).toHaveLength(trickyRows().length); // a name with a line break stays on one line
      const widths = new Set(rows.map(displayWidth));
      expect(widths.size).toBe(1); // columns aligned with accents and wide characters
    }
  });

  it('sums the review states in the heading and escapes the title', () => {
    const rows = trickyRows();
    const [page] = participationPages(rows, { title: '@everyone *Round* 2' });
    const sum = (k: 'reviewsDone' | 'reviewsOverdue') => rows.reduce((n, r) => n + r[k], 0);
    expect(page).toContain(`${rows.length} students · reviews: ${sum('reviewsDone')} done`);
    expect(page).toContain(`${sum('reviewsOverdue')} overdue`);
    expect(page).toContain('**@\u200beveryone \\*Round\\* 2**');
  });

  it('gives one explanatory page for an empty course', () => {
    expect(participationPages([])).toEqual([expect.stringContaining('No students in this report.')]);
    expect(participationPages([])[0]).toMatch(/page 1\/1$/);
  });
});
