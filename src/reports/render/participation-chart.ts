// The participation PNG, rendered in-process: Chart.js drawing on @napi-rs/canvas (Skia), no browser.
// Two panels side by side on one opaque dark image: completion per student (left), activity per
// week (right). Chart.js clears its canvas before drawing, so each panel is drawn on its own
// transparent canvas and composited onto the painted background.
// Chart.js and the Skia canvas (about 25 MB of RSS and half a second to load) are imported on the first chart,
// not at start: most bot processes never draw one.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ChartConfiguration } from 'chart.js';
import { activityChartConfig } from './activity-chart.js';
import { THEME } from './chart-theme.js';
import { completionChartConfig } from './completion-chart.js';
import type { ParticipationRow, WeeklyPoint } from './types.js';

export interface ParticipationChartOptions {
  width?: number;
  height?: number;
  /** Drawn across the top, e.g. "Participation — Round 2". */
  title?: string;
  /** Students drawn in the completion panel, lowest completion first (default 40). */
  maxStudents?: number;
}

const TITLE_BAND = 44;
const GAP = 16;

type ChartLibs = { Chart: typeof import('chart.js/auto').Chart; createCanvas: typeof import('@napi-rs/canvas').createCanvas };

async function loadChartLibs(): Promise<ChartLibs> {
  const [{ Chart }, { createCanvas }] = await Promise.all([import('chart.js/auto'), import('@napi-rs/canvas')]);
  return { Chart, createCanvas };
}

/** Draws one chart at (x, y) of `target`. */
function drawPanel({ Chart, createCanvas }: ChartLibs, target: SKRSContext2D, config: ChartConfiguration, x: number, y: number, width: number, height: number): void {
  const canvas = createCanvas(width, height);
  // Chart.js picks its BasicPlatform (no DOM) in Node; it only needs a 2D context and a size.
  const chart = new Chart(canvas.getContext('2d'), {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1, maintainAspectRatio: false },
  });
  target.drawImage(canvas, x, y);
  chart.destroy(); // after compositing: destroy() clears the canvas
}

export async function participationChartPng(
  rows: readonly ParticipationRow[],
  weekly: readonly WeeklyPoint[],
  options: ParticipationChartOptions = {},
): Promise<Buffer> {
  const { width = 1200, height = 700, title, maxStudents = 40 } = options;
  if (width < 400 || height < 300) throw new RangeError(`chart size ${width}x${height} is below 400x300`);
  const libs = await loadChartLibs();
  const canvas = libs.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, width, height);
  const top = title ? TITLE_BAND : GAP;
  if (title) {
    ctx.fillStyle = THEME.text;
    ctx.font = `bold 20px ${THEME.font}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title.replace(/\s+/g, ' ').trim(), GAP, TITLE_BAND / 2, width - 2 * GAP);
  }
  const panelHeight = height - top - GAP;
  const leftWidth = Math.round((width - 3 * GAP) * 0.6);
  const rightWidth = width - 3 * GAP - leftWidth;
  drawPanel(libs, ctx, completionChartConfig(rows, maxStudents), GAP, top, leftWidth, panelHeight);
  drawPanel(libs, ctx, activityChartConfig(weekly), 2 * GAP + leftWidth, top, rightWidth, panelHeight);
  return canvas.encode('png');
}
