// Chart.js config for "review completion per student": horizontal stacked bars (names stay
// horizontal and readable), worst first. A 400-student course does not fit in one readable chart,
// so only the `limit` students with the lowest completion are drawn (the people staff must chase)
// and the panel title says so; the CSV and text reply carry everyone.
import type { ChartConfiguration } from 'chart.js';
import { THEME } from './chart-theme.js';
import { redactEmails } from './text-cells.js';
import type { ParticipationRow } from './types.js';

const NAME_CHARS = 24;

function assigned(r: ParticipationRow): number {
  return r.reviewsDone + r.reviewsDoneLate + r.reviewsPending + r.reviewsOverdue;
}

function completion(r: ParticipationRow): number {
  return (r.reviewsDone + r.reviewsDoneLate) / assigned(r);
}

/** Students with reviews assigned, lowest completion first (then most overdue, then name); at most `limit`. */
export function studentsToChart(rows: readonly ParticipationRow[], limit: number): ParticipationRow[] {
  return rows
    .filter((r) => assigned(r) > 0)
    .sort((a, b) => completion(a) - completion(b) || b.reviewsOverdue - a.reviewsOverdue || a.studentName.localeCompare(b.studentName))
    .slice(0, limit);
}

function shortName(name: string): string {
  // The PNG is posted to Discord too: same no-e-mail rule as the text reply.
  const clean = redactEmails(name).replace(/[\u0000-\u001f\s]+/g, ' ').trim();
  return clean.length > NAME_CHARS ? clean.slice(0, NAME_CHARS - 1) + '…' : clean;
}

export function completionChartConfig(rows: readonly ParticipationRow[], limit: number): ChartConfiguration<'bar'> {
  const shown = studentsToChart(rows, limit);
  const withReviews = rows.filter((r) => assigned(r) > 0).length;
  const title = shown.length < withReviews
    ? `Review completion: the ${shown.length} lowest of ${withReviews} students`
    : withReviews === 0 ? 'Review completion: no reviews assigned yet' : 'Review completion per student';
  const series = (label: string, color: string, f: (r: ParticipationRow) => number) =>
    ({ label, data: shown.map(f), backgroundColor: color, borderWidth: 0, barPercentage: 0.85, categoryPercentage: 0.9 });
  const ticks = { color: THEME.text, font: { family: THEME.font, size: shown.length > 25 ? 10 : 12 } };
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
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { ...ticks, precision: 0 }, grid: { color: THEME.grid }, title: { display: true, text: 'reviews assigned', color: THEME.mutedText, font: { family: THEME.font } } },
        y: { stacked: true, ticks: { ...ticks, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: title, color: THEME.text, font: { family: THEME.font, size: 15, weight: 'bold' } },
        legend: { position: 'bottom', labels: { color: THEME.text, font: { family: THEME.font } } },
      },
    },
  };
}
