// /report participation for a 400-student course in SQLite, end to end from the database: seconds to
// build the reply pages, the gradebook CSV and the chart (each includes loading the rows and
// computing the numbers). Goal: <= 1 s each. Also /status for one student (it computes the course).
// Run: npx tsx bench/report.bench.ts
import { participationOutput, type ParticipationFormat } from '../src/reports/participation-output.js';
import { studentStatus } from '../src/reports/student-status.js';
import { createTestDb } from '../test/support/test-db.js';
import { insertSimulatedCourse } from '../test/integration/reports/insert-simulated-course.js';
import { SIM_NOW, simulateCourse } from '../test/integration/reports/simulated-course.js';
import { fmt, minMedMax, printSummary, say } from './support/stats.js';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 400);
const RUNS = 5;

const t = await createTestDb();
const db = t.db;
const seedStart = performance.now();
const course = await db.course.create({
  data: {
    guildId: '900000000000000001',
    channelId: '900000000000000002',
    channelKind: 'forum',
    name: 'BIG 400',
    blogKind: 'wordpress',
    blogUrl: 'https://blog.example.edu',
    timeZone: 'America/Chicago',
    staffRoleId: '900000000000000003',
    ingestSince: new Date('2026-01-01T00:00:00Z'),
  },
  select: { id: true },
});
const sim = simulateCourse({ courseId: course.id, students: STUDENTS, seed: 7 });
await insertSimulatedCourse(db, sim);
say(
  `seeded ${STUDENTS} students, ${sim.essays.length} essays, ${sim.comments.length} comments, ${sim.assignments.length} assignments, ` +
    `${sim.reminders.length} reminders in ${fmt((performance.now() - seedStart) / 1000, 1)} s`,
);

const samples: Record<ParticipationFormat | 'status', number[]> = { reply: [], csv: [], chart: [], status: [] };
let sizes = '';
for (let run = 0; run < RUNS; run++) {
  for (const format of ['reply', 'csv', 'chart'] as const) {
    const started = performance.now();
    const out = await participationOutput(db, { courseId: course.id, now: SIM_NOW, format, audience: 'private' });
    samples[format].push((performance.now() - started) / 1000);
    if (run === 0) sizes += `${format}: ${out.pages.length} page(s)${out.files.map((f) => `, ${f.name} ${f.data.length} bytes`).join('')}\n`;
  }
  const started = performance.now();
  await studentStatus(db, { courseId: course.id, guildId: '900000000000000001', discordUserId: sim.students[9]!.discordUserId, now: SIM_NOW });
  samples.status.push((performance.now() - started) / 1000);
}
say(sizes.trimEnd());
const first = (f: keyof typeof samples) => fmt(samples[f][0]!, 3);
printSummary(`report (${STUDENTS} students, SQLite, from the database)`, [
  ['reply pages', `${minMedMax(samples.reply, 's', 3)}; first ${first('reply')} s`],
  ['gradebook CSV', `${minMedMax(samples.csv, 's', 3)}; first ${first('csv')} s`],
  ['chart PNG', `${minMedMax(samples.chart, 's', 3)}; first (cold fonts) ${first('chart')} s`],
  ['all three', `${fmt(samples.reply[1]! + samples.csv[1]! + samples.chart[1]!, 3)} s warm (goal <= 1 s each)`],
  ['/status (one student)', minMedMax(samples.status, 's', 3)],
]);
await t.close();
