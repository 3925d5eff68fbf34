// A Chart.js plugin that prints each bar segment's count inside it, so staff read numbers rather
// than estimate lengths against the axis. A segment too narrow for its number is left unlabelled
// (the alt text and the CSV carry every number).
import type { Chart, Plugin } from 'chart.js';
import { MIN_FONT, THEME } from './chart-theme.js';

const PADDING = 4;

/** The part of the 2D context this plugin draws with (chart.js types it with the DOM's, which Node's types lack). */
interface LabelContext {
  save(): void;
  restore(): void;
  font: string;
  fillStyle: string;
  textAlign: string;
  textBaseline: string;
  measureText(text: string): { width: number };
  fillText(text: string, x: number, y: number): void;
}

export const barCountLabels: Plugin<'bar'> = {
  id: 'barCountLabels',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const ctx = chart.ctx as unknown as LabelContext;
    ctx.save();
    ctx.font = `bold ${MIN_FONT}px ${THEME.font}`;
    ctx.fillStyle = THEME.barLabel;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const value = Number(dataset.data[j] ?? 0);
        if (!value) return;
        const { x, y, base, height } = bar.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number };
        const text = String(value);
        const room = Math.abs(x - base);
        if (ctx.measureText(text).width + 2 * PADDING > room || height < MIN_FONT) return;
        ctx.fillText(text, (x + base) / 2, y);
      });
    });
    ctx.restore();
  },
};
