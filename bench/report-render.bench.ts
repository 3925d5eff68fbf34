// Figures for the report renderers on a 400-student course: Discord reply pages, gradebook CSV and
// the participation PNG (goal: all three <= 1 s together). Data is synthetic; the report's own
// database time is measured elsewhere.
// Run: npx tsx bench/report-render.bench.ts
import { participationChartPng, participationCsv, participationPages, type ParticipationRow, type WeeklyPoint } from '../src/reports/render/index.js';

const NAMES = ['Zoë Ångström', 'O\'Brien, "Pat"', '=SUM(A1)', 'Renée Dubois-Martin', '李小龙', 'Ana María Núñez'];

function students(n: number): ParticipationRow[] {
  return Array.from({ length: n }, (_, i) => ({
    studentName: `${NAMES[i % NAMES.length]} ${i}`,
    email: `student${i}@uni.example`,
    essaysPublished: i % 3,
    commentsGivenDiscord: (i * 7) % 9,
    commentsGivenBlog: (i * 3) % 5,
    commentsReceived: (i * 5) % 11,
    reviewsDone: i % 4,
    reviewsDoneLate: i % 2,
    reviewsPending: (i * 7) % 3,
    reviewsOverdue: (i * 5) % 3,
    remindersSent: i % 5,
  }));
}

const weeks: WeeklyPoint[] = Array.from({ length: 14 }, (_, i) => ({
  weekStart: new Date(Date.UTC(2025, 1, 3 + 7 * i)).toISOString().slice(0, 10),
  essays: 20 + ((i * 37) % 90),
  comments: 100 + ((i * 53) % 400),
}));

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

const rows = students(400);
for (const label of ['first run (cold: fonts, JIT)', 'second run (warm)']) {
  const [pagesMs, pages] = await time(() => participationPages(rows));
  const [csvMs, csv] = await time(() => participationCsv(rows, { includeEmail: true }));
  const [chartMs, png] = await time(() => participationChartPng(rows, weeks, { title: 'Participation — all rounds' }));
  process.stdout.write(
    `${label}: pages ${pagesMs.toFixed(1)} ms (${pages.length} pages), csv ${csvMs.toFixed(1)} ms (${csv.length} bytes), ` +
      `chart ${chartMs.toFixed(1)} ms (${png.length} bytes); total ${(pagesMs + csvMs + chartMs).toFixed(1)} ms (goal <= 1000)\n`,
  );
}
