// Alt text for the participation chart (the Discord attachment `description`, at most 1024
// characters): what the image shows, in words, for screen readers and for anyone whose client does
// not load images. Names are listed in the order drawn until the budget runs out.
import { completionTitle, shortName, studentsToChart, studentsWithReviews } from './completion-chart.js';
import type { ParticipationRow, WeeklyPoint } from './types.js';

export const MAX_ALT_TEXT = 1024;

function sum(rows: readonly ParticipationRow[], f: (r: ParticipationRow) => number): number {
  return rows.reduce((n, r) => n + f(r), 0);
}

export function participationAltText(rows: readonly ParticipationRow[], weekly: readonly WeeklyPoint[], limit: number, title?: string): string {
  const withReviews = studentsWithReviews(rows);
  const shown = studentsToChart(rows, limit);
  const parts: string[] = [];
  if (title) parts.push(`${title.replace(/\s+/g, ' ').trim()}.`);
  if (withReviews.length) {
    parts.push(
      `Bar chart of peer reviews for ${withReviews.length} students: ${sum(withReviews, (r) => r.reviewsDone)} done, ${sum(withReviews, (r) => r.reviewsDoneLate)} done late, ` +
        `${sum(withReviews, (r) => r.reviewsPending)} pending, ${sum(withReviews, (r) => r.reviewsOverdue)} overdue.`,
    );
    if (shown.length < withReviews.length) parts.push(`${completionTitle(shown.length, withReviews.length)}.`);
  }
  const essays = weekly.reduce((n, w) => n + w.essays, 0);
  const comments = weekly.reduce((n, w) => n + w.comments, 0);
  if (weekly.length)
    parts.push(
      `Line chart of activity over ${weekly.length} week${weekly.length === 1 ? '' : 's'} from ${weekly[0]!.weekStart}: ${essays} essays, ${comments} comments.`,
    );
  let text = parts.join(' ');
  if (!shown.length) return text.slice(0, MAX_ALT_TEXT);
  text += ' Top of the bar chart:';
  for (const [i, r] of shown.entries()) {
    const entry = ` ${shortName(r.studentName)} (${r.reviewsOverdue} overdue, ${r.reviewsDone + r.reviewsDoneLate} done, ${r.reviewsPending} pending)${i === shown.length - 1 ? '.' : ';'}`;
    if (text.length + entry.length > MAX_ALT_TEXT - 1) return text.replace(/;$/, '') + '…';
    text += entry;
  }
  return text;
}
