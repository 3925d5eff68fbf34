// Decodes the PNG with @napi-rs/canvas and checks real pixels: size, the painted background, and
// that the bar colours appear in proportion to the data (the legend alone shows each colour a little).
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_THEME, participationChartPng, studentsToChart } from '../../../src/reports/render/index.js';
import { hexToRgb } from '../../../src/reports/render/chart-theme.js';
import type { ParticipationRow, WeeklyPoint } from '../../../src/reports/render/types.js';
import { row, syntheticRows } from './fixtures.js';

async function decode(png: Buffer) {
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  const at = (x: number, y: number) => [...data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
  const count = (hex: string) => {
    const [r, g, b] = hexToRgb(hex);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    return n;
  };
  const distinct = () => {
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  };
  return { width: img.width, height: img.height, at, count, distinct };
}

const weekly: WeeklyPoint[] = Array.from({ length: 8 }, (_, i) => ({
  weekStart: `2025-03-${String(3 + 7 * (i % 4)).padStart(2, '0')}`,
  essays: i + 1,
  comments: 3 * i,
}));
const only = (state: 'reviewsDone' | 'reviewsOverdue'): ParticipationRow[] =>
  Array.from({ length: 12 }, (_, i) => row(`S${i}`, i, { reviewsDone: 0, reviewsDoneLate: 0, reviewsPending: 0, reviewsOverdue: 0, [state]: 3 }));

describe('participationChartPng', () => {
  it('renders an opaque dark PNG twice Discord’s 550 px preview width, with several colours', async () => {
    const img = await decode(await participationChartPng(syntheticRows(30), weekly, { title: 'Participation — Round 1' }));
    expect(img.width).toBe(1100);
    const bg = [...hexToRgb(CHART_THEME.background), 255];
    expect(img.at(0, 0)).toEqual(bg);
    expect(img.at(img.width - 1, img.height - 1)).toEqual(bg);
    expect(img.at(550, 5)).toEqual(bg);
    expect(img.distinct()).toBeGreaterThan(20);
    for (const c of [CHART_THEME.done, CHART_THEME.late, CHART_THEME.pending, CHART_THEME.overdue, CHART_THEME.essays, CHART_THEME.comments]) {
      expect(img.count(c)).toBeGreaterThan(50);
    }
  });

  it('draws bars in the colour of the data, not just in the legend', async () => {
    const allOverdue = await decode(await participationChartPng(only('reviewsOverdue'), weekly));
    const allDone = await decode(await participationChartPng(only('reviewsDone'), weekly));
    expect(allOverdue.count(CHART_THEME.overdue)).toBeGreaterThan(20 * allDone.count(CHART_THEME.overdue));
    expect(allDone.count(CHART_THEME.done)).toBeGreaterThan(20 * allOverdue.count(CHART_THEME.done));
  });

  it('as a file without data, is a small opaque image that says so', async () => {
    const img = await decode(await participationChartPng([], []));
    expect(img.width).toBe(1100);
    expect(img.at(1, img.height - 2)).toEqual([...hexToRgb(CHART_THEME.background), 255]);
    expect(img.count(CHART_THEME.text)).toBeGreaterThan(100); // "no data yet"
  });

  it('charts a 400-student course as 20 rows, no taller than 30 students would need', async () => {
    const many = await decode(await participationChartPng(syntheticRows(400), weekly));
    const thirty = await decode(await participationChartPng(syntheticRows(30), weekly));
    expect(many.width).toBe(1100);
    expect(many.height).toBe(thirty.height);
    expect(studentsToChart(syntheticRows(400), 20)).toHaveLength(20);
  });

  it('leaves students without assigned reviews out of the completion panel', () => {
    const rows = [row('None', 0, { reviewsDone: 0, reviewsDoneLate: 0, reviewsPending: 0, reviewsOverdue: 0 }), row('Some', 1)];
    expect(studentsToChart(rows, 40).map((r) => r.studentName)).toEqual(['Some']);
  });
});
