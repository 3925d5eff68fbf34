// Reminder sweep over 100 courses x 300 students x 5 assignments (150,000 assignment rows) in SQLite:
// seconds per full sweep (every course, one after another) and peak RSS. Goal: <= 1 s and <= 150 MB (issue 14).
// Three cases, each in its own child process (peak RSS is per process, so one case cannot hide another's):
// before the first stage and between stages nothing is owed; the third is the 24 h stage owed to all 150,000
// at night in the course's quiet hours, so every row is read batch by batch, planned and postponed (nothing
// sent, so the data stays the same across runs). The children run with `npm start`'s Node flags.
// Run: npx tsx bench/reminder-sweep.bench.ts   (BENCH_COURSES=10 for a quick run, BENCH_KEEP=1 keeps the file,
// BENCH_SEED_ONLY=1 only seeds; then `npx tsx bench/reminder-sweep.bench.ts --sweep file:<copy of it> [before|between|owed]`
// sweeps one case; BENCH_SWEEPS=1 sweeps once per case instead of 3 times)
// The database is seeded here; the sweeps run in a child process, so its peak RSS is the sweep's alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../src/db/client.js';
import { runReminderSweep } from '../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/logger.js';
import { RecordingChat } from '../test/support/recording-chat.js';
import { createTestDb } from '../test/support/test-db.js';
import { createId } from './bench-ids.js';
import { startScriptFlags } from './support/start-main.js';

const COURSES = Number(process.env.BENCH_COURSES ?? 100);
const STUDENTS = 300;
const K = 5;
/** Full sweeps per case (BENCH_SWEEPS): one is enough for peak RSS on a loaded machine. */
const SWEEPS = Number(process.env.BENCH_SWEEPS ?? 3);
const due = new Date('2026-11-20T22:00:00Z'); // 48 h stage: 2026-11-18 22:00 UTC

const cases = {
  // A week before the first stage, and the day after the 48 h stage went out to everyone.
  before: { label: 'before the first stage', at: new Date('2026-11-10T15:00:00Z') },
  between: { label: '48 h stage sent to all 150,000 (between stages)', at: new Date('2026-11-19T15:00:00Z') },
  // 23:00 in New York: the 24 h stage (17:00 the day before due) is owed to everyone, quiet hours postpone it.
  owed: { label: '24 h stage owed to all 150,000, in quiet hours (read in batches, postponed)', at: new Date('2026-11-20T04:00:00Z') },
};
type CaseName = keyof typeof cases;

if (process.argv[2] === '--sweep') await sweeps(process.argv[3]!, (process.argv[4] ?? 'before') as CaseName);
else await seedAndRun();

async function seedAndRun(): Promise<void> {
  const t = await createTestDb();
  const start = performance.now();
  for (let c = 0; c < COURSES; c++) await seedCourse(t.db, c);
  const rows = await t.db.assignment.count();
  process.stdout.write(
    `seeded ${COURSES} courses, ${COURSES * STUDENTS} students, ${rows} assignments (+ as many sent reminders) in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
  );
  await t.db.$disconnect();
  if (process.env.BENCH_SEED_ONLY) {
    // Seeding takes minutes: keep the seeded file and sweep copies of it (`--sweep file:<copy>`), e.g. old code against new.
    process.stdout.write(`seeded database at ${t.url}\n`);
    return;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const name of Object.keys(cases)) {
    const child = spawnSync(process.execPath, [...startScriptFlags(root), ...process.execArgv, fileURLToPath(import.meta.url), '--sweep', t.url, name], {
      stdio: 'inherit',
      env: process.env,
    });
    if (child.status !== 0) process.exitCode = 1;
  }
  if (process.env.BENCH_KEEP) process.stdout.write(`database kept at ${t.url}\n`);
  else await t.close();
}

async function seedCourse(db: Db, c: number): Promise<void> {
  const courseId = createId();
  await db.course.create({
    data: {
      id: courseId,
      guildId: '900000000000000001',
      channelId: String(910000000000000000n + BigInt(c)),
      channelKind: 'forum',
      name: `Course ${c}`,
      blogKind: 'wordpress',
      blogUrl: 'https://blog.example.edu',
      timeZone: 'America/New_York',
      staffRoleId: '1',
      staffChannelId: '2',
      reminderThreadId: '3',
      quietHoursStart: '22:00',
      quietHoursEnd: '08:00',
      ingestSince: new Date('2026-01-01T00:00:00Z'),
    },
  });
  const students = Array.from({ length: STUDENTS }, (_, i) => ({
    id: createId(),
    courseId,
    displayName: `S${i}`,
    email: `s${i}@c${c}.edu`,
    discordUserId: String(800000000000000000n + BigInt(c * 1000 + i)),
  }));
  await db.student.createMany({ data: students });
  const published = new Date('2026-11-01T12:00:00Z');
  const essays = students.map((s, i) => ({
    id: createId(),
    courseId,
    blogPostId: String(i),
    url: `https://blog.example.edu/?p=${i}`,
    title: `Essay ${i}`,
    authorStudentId: s.id,
    publishedAt: published,
    modifiedAt: published,
    threadState: 'created',
    threadNonce: `n${c}-${i}`,
    createdAt: published,
  }));
  await db.essay.createMany({ data: essays });
  const roundId = createId();
  await db.reviewRound.create({
    data: {
      id: roundId,
      courseId,
      name: 'Week 1',
      dueAt: due,
      reviewsPerStudent: K,
      mode: 'assigned',
      seed: 'bench',
      createdAt: new Date('2026-11-02T00:00:00Z'),
    },
  });
  const assignments = students.flatMap((s, i) =>
    Array.from({ length: K }, (_, j) => {
      const essay = essays[(i + j + 1) % STUDENTS]!;
      return { id: createId(), roundId, reviewerStudentId: s.id, essayId: essay.id, slotKey: essay.id };
    }),
  );
  await db.assignment.createMany({ data: assignments });
  const sentAt = new Date('2026-11-18T22:00:00Z');
  await db.reminder.createMany({
    data: assignments.map((a) => ({
      courseId,
      assignmentId: a.id,
      studentId: a.reviewerStudentId,
      dedupeKey: `${a.id}:before_48h`,
      stage: 'before_48h',
      status: 'sent',
      scheduledFor: sentAt,
      sentAt,
      deliveredVia: 'dm',
    })),
  });
}

async function sweeps(url: string, which: CaseName): Promise<void> {
  const db = await openDb(url);
  const courseIds = (await db.course.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  const clock = new ManualClock(new Date(0));
  const chat = new RecordingChat(() => clock.now());
  const deps = { db, chat, clock, log: silentLogger() };
  process.stdout.write(
    `[${which}] node ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ')}; RSS before the first sweep (Node + tsx + Prisma, database open): ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB\n`,
  );

  async function fullSweep(label: string, at: Date): Promise<void> {
    clock.set(at);
    const wall: number[] = [];
    const cpu: number[] = [];
    let postponed = 0;
    for (let run = 0; run < SWEEPS; run++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      let sent = 0;
      postponed = 0;
      for (const courseId of courseIds) {
        const summary = await runReminderSweep(deps, courseId);
        sent += summary.sent;
        postponed += summary.postponed;
      }
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      clock.advance(5 * 60_000);
      if (sent > 0) throw new Error(`bench expected no sends, got ${sent}`);
    }
    const s = (ms: number[]) => ms.map((v) => (v / 1000).toFixed(2)).join(', ');
    process.stdout.write(
      `${label}: wall ${s(wall)} s, CPU ${s(cpu)} s per sweep of ${courseIds.length} courses; ${postponed} postponed; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  }

  await fullSweep(cases[which].label, cases[which].at);
  await db.$disconnect();
}
