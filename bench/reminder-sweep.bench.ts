// Reminder sweep over 100 courses x 300 students x 5 assignments (150,000 assignment rows) in SQLite:
// seconds per full sweep (every course, one after another) and peak RSS. Goal: <= 1 s and <= 150 MB (issue 14).
// Three cases (support/sweep-cases.ts), each in its own child process (peak RSS is per process, so one case
// cannot hide another's): before the first stage and between stages nothing is owed; the third is the 24 h
// stage owed to all 150,000 at night in the course's quiet hours, so every row is read batch by batch,
// planned and postponed (nothing sent, so the data stays the same across runs). The child
// (support/sweep-child.ts) is bundled like the bot and runs on plain Node with `npm start`'s flags.
// Run: npx tsx bench/reminder-sweep.bench.ts   (BENCH_COURSES=10 for a quick run, BENCH_KEEP=1 keeps the file,
// BENCH_SEED_ONLY=1 only seeds; then `npx tsx bench/reminder-sweep.bench.ts --sweep file:<copy of it> [before|between|owed]`
// sweeps one case; BENCH_SWEEPS=1 sweeps once per case instead of 3 times)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-bot.js';
import type { Db } from '../src/db/client.js';
import { createTestDb } from '../test/support/test-db.js';
import { createId } from './bench-ids.js';
import { startScriptFlags } from './support/start-main.js';
import { cases, due, type CaseName } from './support/sweep-cases.js';

const COURSES = Number(process.env.BENCH_COURSES ?? 100);
const STUDENTS = 300;
const K = 5;
/** Full sweeps per case (BENCH_SWEEPS): one is enough for peak RSS on a loaded machine. */
const SWEEPS = Number(process.env.BENCH_SWEEPS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[2] === '--sweep') await sweepCases(process.argv[3]!, [(process.argv[4] ?? 'before') as CaseName]);
else await seedAndRun();

/** Bundles the child once, then sweeps each case in a fresh process of its own. */
async function sweepCases(url: string, names: CaseName[]): Promise<void> {
  // Inside the project, so the bundle's external packages (better-sqlite3) resolve from its node_modules.
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(path.join(root, '.tmp', 'sweep-child-'));
  try {
    await build(bundleOptions(path.join(root, 'bench', 'support', 'sweep-child.ts'), out));
    for (const name of names) {
      const child = spawnSync(process.execPath, [...startScriptFlags(root), path.join(out, 'sweep-child.js'), url, name, String(SWEEPS)], {
        stdio: 'inherit',
        env: process.env,
      });
      if (child.status !== 0) process.exitCode = 1;
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

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
  await sweepCases(t.url, Object.keys(cases) as CaseName[]);
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
