// The participation PNG, rendered in-process: Chart.js drawing on @napi-rs/canvas (Skia), no browser.
// Laid out for Discord's inline preview: 550 logical px wide (fonts at least 12 px) and rendered at
// twice that, with the two panels stacked: who needs attention first (completion per student, with
// counts on the bars) above activity per week. A panel with nothing to show is left out; with
// nothing at all there is no image (callers say "no data yet"). Chart.js clears its canvas before
// drawing, so each panel is drawn on its own transparent canvas and composited onto the painted
// background. Chart.js and the Skia canvas (about 25 MB of RSS and half a second to load) are
// imported on the first chart, not at start: most bot processes never draw one.
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ChartConfiguration } from 'chart.js';
import type { Logger } from '../../shared/logger.js';
import { activityChartConfig } from './activity-chart.js';
import { participationAltText } from './chart-alt-text.js';
import { loadChartFonts } from './chart-fonts.js';
import { PIXEL_RATIO, PREVIEW_WIDTH, THEME } from './chart-theme.js';
import { completionChartConfig, studentsToChart } from './completion-chart.js';
import type { ParticipationRow, WeeklyPoint } from './types.js';

export interface ParticipationChartOptions {
  /** Drawn across the top, e.g. "Participation — Round 2". */
  title?: string;
  /** Students drawn in the completion panel, who needs attention first (default 20). */
  maxStudents?: number;
  /** Told once when the CJK or emoji fonts are missing. */
  log?: Pick<Logger, 'warn'>;
  /** Registers the fonts (default: Debian's, once per process); tests pass a loader of missing files. */
  loadFonts?: typeof loadChartFonts;
}

export interface ChartImage {
  png: Buffer;
  /** Alt text for the Discord attachment (at most 1024 characters). */
  description: string;
}

const TITLE_BAND = 36;
const GAP = 10;
const BAR_ROW = 26;
const BAR_PANEL_FRAME = 110; // panel title, axis title and ticks, legend
const ACTIVITY_HEIGHT = 250;

type ChartLibs = { Chart: typeof import('chart.js/auto').Chart; createCanvas: typeof import('@napi-rs/canvas').createCanvas };

async function loadChartLibs(log?: Pick<Logger, 'warn'>, loadFonts = loadChartFonts): Promise<ChartLibs> {
  const [{ Chart }, { createCanvas }] = await Promise.all([import('chart.js/auto'), import('@napi-rs/canvas'), loadFonts(log)]);
  return { Chart, createCanvas };
}

/** Draws one chart at logical (x, y) of `target`, at PIXEL_RATIO. */
function drawPanel(
  { Chart, createCanvas }: ChartLibs,
  target: SKRSContext2D,
  config: ChartConfiguration,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const canvas = createCanvas(width, height);
  // Chart.js picks its BasicPlatform (no DOM) in Node; it only needs a 2D context and a size, and
  // resizes the canvas to width x height x devicePixelRatio itself.
  const chart = new Chart(canvas.getContext('2d'), {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: PIXEL_RATIO, maintainAspectRatio: false },
  });
  target.drawImage(canvas, x * PIXEL_RATIO, y * PIXEL_RATIO);
  chart.destroy(); // after compositing: destroy() clears the canvas
}

/** The chart and its alt text, or null when there is nothing to chart yet. */
export async function participationChart(
  rows: readonly ParticipationRow[],
  weekly: readonly WeeklyPoint[],
  options: ParticipationChartOptions = {},
): Promise<ChartImage | null> {
  const { title, maxStudents = 20 } = options;
  const shown = studentsToChart(rows, maxStudents).length;
  const hasActivity = weekly.some((w) => w.essays > 0 || w.comments > 0);
  if (!shown && !hasActivity) return null;
  const libs = await loadChartLibs(options.log, options.loadFonts);
  const top = title ? TITLE_BAND : GAP;
  const barHeight = shown ? BAR_PANEL_FRAME + shown * BAR_ROW : 0;
  const activityHeight = hasActivity ? ACTIVITY_HEIGHT : 0;
  const height = top + barHeight + (shown && hasActivity ? GAP : 0) + activityHeight + GAP;
  const panelWidth = PREVIEW_WIDTH - 2 * GAP;
  const canvas = libs.createCanvas(PREVIEW_WIDTH * PIXEL_RATIO, height * PIXEL_RATIO);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = THEME.background; // opaque: a transparent PNG is unreadable on Discord's dark theme
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (title) {
    ctx.save();
    ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
    ctx.fillStyle = THEME.text;
    ctx.font = `bold 16px ${THEME.font}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title.replace(/\s+/g, ' ').trim(), GAP, TITLE_BAND / 2, PREVIEW_WIDTH - 2 * GAP);
    ctx.restore();
  }
  if (shown) drawPanel(libs, ctx, completionChartConfig(rows, maxStudents), GAP, top, panelWidth, barHeight);
  if (hasActivity) drawPanel(libs, ctx, activityChartConfig(weekly), GAP, top + barHeight + (shown ? GAP : 0), panelWidth, activityHeight);
  return { png: await canvas.encode('png'), description: participationAltText(rows, weekly, maxStudents, title) };
}

/** The PNG alone (a small image saying so when there is no data yet), for callers that need a file. */
export async function participationChartPng(
  rows: readonly ParticipationRow[],
  weekly: readonly WeeklyPoint[],
  options: ParticipationChartOptions = {},
): Promise<Buffer> {
  const chart = await participationChart(rows, weekly, options);
  if (chart) return chart.png;
  return noDataPng(options.title);
}

async function noDataPng(title?: string): Promise<Buffer> {
  const { createCanvas } = await loadChartLibs();
  const canvas = createCanvas(PREVIEW_WIDTH * PIXEL_RATIO, 120 * PIXEL_RATIO);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  ctx.fillStyle = THEME.text;
  ctx.font = `16px ${THEME.font}`;
  ctx.fillText(`${title ? title.replace(/\s+/g, ' ').trim() + ': ' : ''}no data yet`, GAP, 60, PREVIEW_WIDTH - 2 * GAP);
  return canvas.encode('png');
}
