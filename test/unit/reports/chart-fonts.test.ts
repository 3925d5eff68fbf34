// Names in any script on the chart: a glyph that no font has is drawn as the same empty box
// ("tofu") whatever the character, so a name drawn as boxes gives exactly the pixels of an
// unassigned code point repeated. The comparison needs no list of expected shapes.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_THEME, participationChart } from '../../../src/reports/render/index.js';
import { chartFontLoader } from '../../../src/reports/render/chart-fonts.js';
import { row } from './fixtures.js';

const NAMES = ['王小明', 'さくら', '김민준', 'Ana 🎉'];
const NO_GLYPH = '\u0378'; // unassigned in Unicode: every font draws its .notdef box

function drawn(text: string): string {
  const canvas = createCanvas(80, 60);
  const ctx = canvas.getContext('2d');
  ctx.font = `40px ${CHART_THEME.font}`;
  ctx.fillStyle = '#ffffff';
  ctx.fillText(text, 10, 45);
  return Buffer.from(ctx.getImageData(0, 0, 80, 60).data).toString('base64');
}

const rows = (names: string[]) => names.map((n, i) => row(n, i, { reviewsDone: 1, reviewsDoneLate: 0, reviewsPending: 1, reviewsOverdue: i }));
const weekly = [{ weekStart: '2026-03-02', essays: 2, comments: 5 }];

describe('names in any script on the chart', () => {
  it('draws Chinese, Japanese, Korean names and an emoji as real glyphs, not tofu boxes', async () => {
    await participationChart(rows(NAMES), weekly); // loads the chart's fonts
    const tofu = drawn(NO_GLYPH);
    const chars = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(NAMES.join(''))]
      .map((s) => s.segment)
      .filter((c) => c.codePointAt(0)! > 0x2000);
    expect(chars).toHaveLength(10);
    const shapes = chars.map(drawn);
    for (const [i, c] of chars.entries()) expect({ c, tofu: shapes[i] === tofu }).toEqual({ c, tofu: false });
    expect(new Set(shapes).size).toBe(chars.length); // ten different characters, ten different shapes
  });

  it('renders the whole chart differently from the same names written as boxes', async () => {
    const real = (await participationChart(rows(NAMES), weekly))!.png;
    const boxes = (await participationChart(rows(NAMES.map((n) => n.replace(/[^\x20-\x7e]/gu, NO_GLYPH))), weekly))!.png;
    expect(real.equals(boxes)).toBe(false);
  });

  it('without the Debian fonts, says once in the log which package to install, and the chart still renders', async () => {
    const warnings: unknown[][] = [];
    const log = { warn: (...args: unknown[]) => warnings.push(args), info: () => {}, debug: () => {} };
    const loadFonts = chartFontLoader([{ file: '/nonexistent/fonts/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK JP', debianPackage: 'fonts-noto-cjk' }]);
    const first = await participationChart(rows(NAMES), weekly, { log: log, loadFonts });
    const second = await participationChart(rows(NAMES), weekly, { log: log, loadFonts });
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain('apt-get install fonts-noto-cjk');
    expect(first!.png.length).toBeGreaterThan(1000);
    expect(second!.png.length).toBeGreaterThan(1000);
  });
});
