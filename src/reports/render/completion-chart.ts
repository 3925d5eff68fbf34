// Chart.js config for "review completion per student": horizontal stacked bars (names stay
// horizontal and readable) with their counts printed on them, who needs attention first on top.
// A 400-student course does not fit in one readable chart, so only the `limit` students staff must
// chase first are drawn and the panel title says how many more there are; the CSV and text reply
// carry everyone.
import type { ChartConfiguration } from 'chart.js';
import { barCountLabels } from './bar-count-labels.js';
import { MIN_FONT, THEME } from './chart-theme.js';
import { redactEmails } from './text-cells.js';
import type { ParticipationRow } from './types.js';

const NAME_CHARS = 20;

function assigned(r: ParticipationRow): number {
  return r.reviewsDone + r.reviewsDoneLate + r.reviewsPending + r.reviewsOverdue;
}

export function studentsWithReviews(rows: readonly ParticipationRow[]): ParticipationRow[] {
  return rows.filter((r) => assigned(r) > 0);
}

/**
 * Students with reviews assigned, who needs attention first: most overdue, then fewest done, then
 * most still pending, then by name; at most `limit`.
 */
export function studentsToChart(rows: readonly ParticipationRow[], limit: number): ParticipationRow[] {
  const done = (r: ParticipationRow) => r.reviewsDone + r.reviewsDoneLate;
  return studentsWithReviews(rows)
    .sort(
      (a, b) => b.reviewsOverdue - a.reviewsOverdue || done(a) - done(b) || b.reviewsPending - a.reviewsPending || a.studentName.localeCompare(b.studentName),
    )
    .slice(0, limit);
}

/** The panel's heading: what is shown and how many students are left out. */
export function completionTitle(shown: number, withReviews: number): string {
  if (withReviews === 0) return 'Review completion: no reviews assigned yet';
  if (shown < withReviews) return `Needing attention first: ${shown} of ${withReviews} students (${withReviews - shown} more not shown)`;
  return 'Review completion per student';
}

export function shortName(name: string): string {
  // The PNG is posted to Discord too: same no-e-mail rule as the text reply.
  const clean = redactEmails(name)
    .replace(/[\u0000-\u001f\s]+/g, ' ')
    .trim();
  return clean.length > NAME_CHARS ? clean.slice(0, NAME_CHARS - 1) + '…' : clean;
}

export function completionChartConfig(rows: readonly ParticipationRow[], limit: number): ChartConfiguration<'bar'> {
  const shown = studentsToChart(rows, limit);
  const title = completionTitle(shown.length, studentsWithReviews(rows).length);
  const font = { family: THEME.font, size: MIN_FONT };
  const series = (label: string, color: string, f: (r: ParticipationRow) => number) => ({
    label,
    data: shown.map(f),
    backgroundColor: color,
    borderWidth: 0,
    barPercentage: 0.85,
    categoryPercentage: 0.9,
  });
  const ticks = { color: THEME.text, font };
  return {
    type: 'bar',
    data: {
      labels: shown.map((r) => shortName(r.studentName)),
      datasets: [
        series('Done', THEME.done, (r) => r.reviewsDone),
        series('Done late', THEME.late, (r) => r.reviewsDoneLate),
        series('Pending', THEME.pending, (r) => r.reviewsPending),
        series('Overdue', THEME.overdue, (r) => r.reviewsOverdue),
      ],
    },
    plugins: [barCountLabels],
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { ...ticks, precision: 0 },
          grid: { color: THEME.grid },
          title: { display: true, text: 'reviews assigned', color: THEME.mutedText, font },
        },
        y: { stacked: true, ticks: { ...ticks, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: title, color: THEME.text, font: { ...font, size: 14, weight: 'bold' } },
        legend: { position: 'bottom', labels: { color: THEME.text, font, boxWidth: 16 } },
      },
    },
  };
}
