// What staff see when /report posts the participation chart in Discord (issue 12 item 10): labels big
// enough at the inline preview width, colours that stay apart for colour-blind readers, counts on
// the bars, names in any script, "no data yet" instead of an empty chart, and the students who need
// attention first in a large class. Expected values are computed here from the rows, not read back.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_THEME, completionChartConfig, participationChart, studentsToChart } from '../../../src/reports/render/index.js';
import type { ParticipationRow, WeeklyPoint } from '../../../src/reports/render/types.js';
import { row, syntheticRows } from './fixtures.js';
import { MIN_LABEL_PX, recordDrawnFontPx, smallestLabelInPreview } from '../../support/chart-image-checks.js';
import { contrastRatio, deltaE, simulateColourBlindness } from './colour-vision.js';

const weekly: WeeklyPoint[] = Array.from({ length: 6 }, (_, i) => ({
  weekStart: `2026-03-${String(2 + 7 * i).padStart(2, '0')}`,
  essays: i + 1,
  comments: 2 * i + 1,
}));

async function pixels(png: Buffer) {
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

describe('the participation chart in Discord', () => {
  it('keeps every label at least 12 px tall when Discord shows the image 550 px wide', async () => {
    const fonts = recordDrawnFontPx();
    const chart = await participationChart(syntheticRows(30), weekly, { title: 'Participation — Round 1' }).finally(fonts.stop);
    const { width } = await pixels(chart!.png);
    expect(fonts.sizes.length).toBeGreaterThan(10);
    expect(smallestLabelInPreview(fonts.sizes, width)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
  });

  it('colours the review states so that red-green colour-blind staff still tell them apart', () => {
    const states = [CHART_THEME.done, CHART_THEME.late, CHART_THEME.pending, CHART_THEME.overdue];
    for (const vision of ['protanopia', 'deuteranopia'] as const) {
      const seen = states.map((c) => simulateColourBlindness(c, vision));
      for (let i = 0; i < seen.length; i++)
        for (let j = i + 1; j < seen.length; j++) {
          // ~30 ΔE (CIE76) is a difference seen at a glance on small bars, not just side by side.
          expect({ vision, pair: [states[i], states[j]], far: deltaE(seen[i]!, seen[j]!) >= 30 }).toEqual({ vision, pair: [states[i], states[j]], far: true });
        }
    }
    // The count printed on each bar is readable on every bar colour (WCAG AA for text).
    for (const c of states) expect(contrastRatio(CHART_THEME.barLabel, c)).toBeGreaterThanOrEqual(4.5);
  });

  it('prints the count on a bar', async () => {
    const one = [row('Ana', 0, { reviewsDone: 0, reviewsDoneLate: 0, reviewsPending: 0, reviewsOverdue: 3 })];
    const { width, data } = await pixels((await participationChart(one, weekly))!.png);
    const [r, g, b] = hexRgb(CHART_THEME.overdue);
    const isBar = (i: number) => data[i] === r && data[i + 1] === g && data[i + 2] === b;
    // The bar: the rows with a long stretch of its colour (the legend swatch is small), and the
    // leftmost and rightmost pixel of that colour in them.
    const height = data.length / 4 / width;
    const box = { top: -1, bottom: -1, x0: width, x1: 0 };
    for (let y = 0; y < height; y++) {
      const xs = Array.from({ length: width }, (_, x) => x).filter((x) => isBar((y * width + x) * 4));
      if (xs.length < 100) continue;
      if (box.top < 0) box.top = y;
      box.bottom = y;
      box.x0 = Math.min(box.x0, xs[0]!);
      box.x1 = Math.max(box.x1, xs.at(-1)!);
    }
    expect(box.x1 - box.x0).toBeGreaterThan(100);
    // Inside the bar, pixels that are not the bar colour are the printed number.
    let text = 0;
    for (let y = box.top; y <= box.bottom; y++) for (let x = box.x0 + 5; x < box.x1 - 5; x++) if (!isBar((y * width + x) * 4)) text++;
    expect(text).toBeGreaterThan(15);
  });

  it('says "no data yet" instead of drawing an empty chart', async () => {
    expect(await participationChart([], [])).toBeNull();
    const nothingYet = [row('Ana', 0, { reviewsDone: 0, reviewsDoneLate: 0, reviewsPending: 0, reviewsOverdue: 0 })];
    expect(await participationChart(nothingYet, [{ weekStart: '2026-03-02', essays: 0, comments: 0 }])).toBeNull();
  });

  it('for a large class, charts the students who need attention first and says how many more there are', async () => {
    const rows = syntheticRows(400);
    const shown = studentsToChart(rows, 20);
    expect(shown).toHaveLength(20);
    const done = (r: ParticipationRow) => r.reviewsDone + r.reviewsDoneLate;
    const assigned = (r: ParticipationRow) => done(r) + r.reviewsPending + r.reviewsOverdue;
    const needsMore = (a: ParticipationRow, b: ParticipationRow) =>
      a.reviewsOverdue > b.reviewsOverdue || (a.reviewsOverdue === b.reviewsOverdue && done(a) < done(b));
    const left = rows.filter((r) => assigned(r) > 0 && !shown.includes(r));
    for (const s of shown) for (const n of left) expect(needsMore(n, s)).toBe(false);
    const title = completionChartConfig(rows, 20).options!.plugins!.title!.text as string;
    expect(title).toContain(`${left.length} more`);
    const chart = await participationChart(rows, weekly);
    expect(chart!.description).toContain(`${left.length} more`);
  });

  it('describes the chart in alt text under Discord’s 1024 characters, naming who needs attention', async () => {
    const rows = syntheticRows(400);
    const chart = (await participationChart(rows, weekly))!;
    expect(chart.description.length).toBeGreaterThan(50);
    expect(chart.description.length).toBeLessThanOrEqual(1024);
    const overdue = rows.reduce((n, r) => n + r.reviewsOverdue, 0);
    expect(chart.description).toContain(`${overdue} overdue`);
    expect(chart.description).toContain(studentsToChart(rows, 1)[0]!.studentName.replace(/\s+/g, ' ').trim().slice(0, 10));
  });
});

function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
