// Chart.js config for "activity per week": essays and comments per ISO week, as lines.
import type { ChartConfiguration } from 'chart.js';
import { MIN_FONT, THEME } from './chart-theme.js';
import type { WeeklyPoint } from './types.js';

export function activityChartConfig(weekly: readonly WeeklyPoint[]): ChartConfiguration<'line'> {
  const line = (label: string, color: string, data: number[]) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 3,
    pointRadius: 4,
    tension: 0 /* a smoothed curve would overshoot below zero */,
  });
  const font = { family: THEME.font, size: MIN_FONT };
  return {
    type: 'line',
    data: {
      labels: weekly.map((w) => w.weekStart.slice(5)), // 'MM-DD' of the Monday: short enough not to rotate
      datasets: [
        line(
          'Essays',
          THEME.essays,
          weekly.map((w) => w.essays),
        ),
        line(
          'Comments',
          THEME.comments,
          weekly.map((w) => w.comments),
        ),
      ],
    },
    options: {
      scales: {
        x: { ticks: { color: THEME.text, font }, grid: { color: THEME.grid }, title: { display: true, text: 'week starting', color: THEME.mutedText, font } },
        y: { beginAtZero: true, ticks: { color: THEME.text, font, precision: 0 }, grid: { color: THEME.grid } },
      },
      plugins: {
        title: {
          display: true,
          text: weekly.length ? 'Activity per week' : 'Activity per week: nothing yet',
          color: THEME.text,
          font: { ...font, size: 14, weight: 'bold' },
        },
        legend: { position: 'bottom', labels: { color: THEME.text, font, boxWidth: 16 } },
      },
    },
  };
}
