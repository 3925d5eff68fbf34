// Scale-out figures for docs/scaling.md (issue 8), in one run:
// Part 1: 200 courses (200 guilds on 2 shards, a WordPress fake each) served by 1, 2 and 3 bot processes
//   (real OS processes, test/support/bot-process) on one PostgreSQL: one essay per course -> 200 threads,
//   then one Discord reply and one blog comment per thread -> 400 mirrored comments; time and rate of each,
//   the duration of a job tick over the courses a process holds, and Discord requests per course.
// Part 2: bench/backfill.bench.ts and bench/reminder-sweep.bench.ts, each on SQLite and on PostgreSQL
//   (TEST_DATABASE=postgresql makes test/support/test-db.ts hand them a PostgreSQL database).
// Part 3: database size of one course-term (rows written straight to the tables) on SQLite and PostgreSQL.
// Run: npx tsx bench/scale.bench.ts   env: BENCH_COURSES=200, BENCH_PROCESSES=1,2,3, BENCH_SKIP_THROUGHPUT / BENCH_SKIP_DB / BENCH_SKIP_SIZE=1,
//   BENCH_SWEEP_COURSES (default 100 = 150,000 assignments), BENCH_ESSAYS (backfill, default 500), BENCH_LEASE_SECONDS=10
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/db/client.js';
import { databaseSize } from './support/course-term-size.js';
import { spawnBotProcess, type BotProcess } from '../test/support/bot-process/spawn-bot-process.js';
import { startMultiCourseWorld } from '../test/support/bot-process/multi-course-world.js';
import { createTestDatabase, postgresAvailable } from '../test/support/postgres-server.js';
import { fmt, median, percentile, printSummary, say, sleep } from './support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COURSES = Number(process.env.BENCH_COURSES ?? 200);
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES ?? '1,2,3').split(',').map(Number);
const LEASE_SECONDS = Number(process.env.BENCH_LEASE_SECONDS ?? 10);
const SHARD_LAYOUT: Record<number, number[][]> = { 1: [[0, 1]], 2: [[0], [1]], 3: [[0], [1], [0, 1]] };
const summary: [string, string][] = [];

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
  return performance.now() - start;
}

async function throughput(processes: number): Promise<void> {
  const url = await createTestDatabase();
  const db = await openDb(url);
  const world = await startMultiCourseWorld(db, { courses: COURSES, shardCount: 2 });
  const { emu, courses } = world;
  const procs: BotProcess[] = [];
  try {
    const layout = SHARD_LAYOUT[processes] ?? Array.from({ length: processes }, () => [0, 1]);
    procs.push(
      ...(await Promise.all(
        layout.map((shards, i) =>
          spawnBotProcess(
            {
              name: `B${i}`,
              databaseUrl: url,
              apiUrl: emu.apiUrl,
              token: emu.botToken,
              shards,
              shardCount: 2,
              leaseSeconds: LEASE_SECONDS,
              tickSeconds: 1,
              reminders: false,
              logLevel: 'warn',
            },
            120_000,
          ),
        ),
      )),
    );
    // Let the leases settle (each process takes its share) before the clock starts.
    await until(async () => (await db.jobLease.count({ where: { expiresAt: { gt: new Date() } } })) === COURSES, 'every course leased', 120_000);
    const requestsBefore = emu.state.requests.length;
    const posts = await Promise.all(
      courses.map((c) => c.wp.as('student1').publishPost({ title: `Essay for course ${c.index}`, content: '<p>An essay — with “quotes”.</p>' })),
    );
    const threadMs = await until(
      () => courses.every((c) => emu.threadsIn(c.forumId).filter((t) => t.name !== 'Review reminders').length === 1),
      '200 threads',
      600_000,
    );
    const threadRequests = emu.state.requests.length - requestsBefore;
    const start = performance.now();
    for (const [i, c] of courses.entries()) {
      const thread = emu.threadsIn(c.forumId).filter((t) => t.name !== 'Review reminders')[0]!;
      emu.as(c.students[1].discordId).postMessage(thread.id, { content: `Reply in course ${c.index}` });
      await c.wp.as('student2').comment(posts[i]!.id, `<p>Blog comment in course ${c.index}</p>`);
    }
    await until(
      () =>
        courses.every(
          (c) =>
            c.wp.state.comments.filter((x) => x.content.includes('Reply in course')).length === 1 &&
            emu.messagesIn(emu.threadsIn(c.forumId).filter((t) => t.name !== 'Review reminders')[0]!.id).some((m) => m.webhook_id),
        ),
      '400 mirrored comments',
      600_000,
    );
    const mirrorMs = performance.now() - start; // from the first reply written to the last comment mirrored
    // Idle: nothing new anywhere; each tick still polls every held course's blog (2 requests) and its outbox.
    const quietFrom = new Date();
    await sleep(Number(process.env.BENCH_IDLE_MS ?? 20_000));
    const runs = await db.jobRun.findMany({
      where: { jobName: 'course-sync', outcome: 'ok', startedAt: { gte: quietFrom }, finishedAt: { not: null } },
      select: { startedAt: true, finishedAt: true },
    });
    const idle = runs.map((r) => r.finishedAt!.getTime() - r.startedAt.getTime());
    const held = (await db.jobLease.groupBy({ by: ['owner'], _count: { _all: true } })).map((g) => g._count._all).sort((a, b) => b - a);
    const label = `${processes} process${processes > 1 ? 'es' : ''}`;
    say(
      `${label}: course leases by owner ${held.join('/')}; ${COURSES} threads in ${fmt(threadMs / 1000, 1)} s (${fmt((COURSES / threadMs) * 1000, 1)}/s), ${fmt(threadRequests / COURSES, 1)} Discord requests per thread`,
    );
    say(`${label}: ${2 * COURSES} comments mirrored both ways in ${fmt(mirrorMs / 1000, 1)} s (${fmt(((2 * COURSES) / mirrorMs) * 1000, 1)}/s)`);
    say(
      `${label}: idle job tick (poll every held course, nothing new): median ${fmt(median(idle))} ms, p95 ${fmt(percentile(idle, 95))} ms over ${idle.length} ticks`,
    );
    summary.push(
      [`${label}: threads/s`, fmt((COURSES / threadMs) * 1000, 1)],
      [`${label}: mirrored comments/s`, fmt(((2 * COURSES) / mirrorMs) * 1000, 1)],
      [`${label}: idle tick median (${held[0]} courses)`, `${fmt(median(idle))} ms`],
    );
  } finally {
    await Promise.all(procs.map((p) => p.kill('SIGTERM')));
    await world.close();
    await db.$disconnect();
  }
}

function childBench(file: string, database: 'sqlite' | 'postgresql', extraEnv: Record<string, string>): void {
  say(`\n--- ${file} on ${database}`);
  const started = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', file)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...extraEnv, TEST_DATABASE: database },
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${res.stdout}${res.status === 0 ? '' : `\n(exit ${res.status}) ${res.stderr.slice(-2_000)}`}`;
  say(out.trim());
  summary.push([`${file} on ${database}`, `${res.status === 0 ? 'ok' : `FAILED (${res.status})`} in ${fmt((performance.now() - started) / 1000)} s`]);
}

const pg = postgresAvailable();
if (!pg.ok) {
  say(`PostgreSQL not available: ${pg.reason}`);
  process.exit(1);
}
say(`scale bench: ${COURSES} courses on 2 shards, processes ${PROCESS_COUNTS.join(', ')}, lease ${LEASE_SECONDS} s, job tick 1 s, PostgreSQL`);
if (!process.env.BENCH_SKIP_THROUGHPUT) for (const n of PROCESS_COUNTS) await throughput(n);
if (!process.env.BENCH_SKIP_SIZE) for (const kind of ['sqlite', 'postgresql'] as const) summary.push(await databaseSize(kind));
if (!process.env.BENCH_SKIP_DB) {
  for (const database of ['sqlite', 'postgresql'] as const)
    childBench('backfill.bench.ts', database, { BENCH_LATENCY_RUNS: process.env.BENCH_LATENCY_RUNS ?? '5' });
  for (const database of ['sqlite', 'postgresql'] as const)
    childBench('reminder-sweep.bench.ts', database, { BENCH_COURSES: process.env.BENCH_SWEEP_COURSES ?? '100' });
}
printSummary('scale (issue 8)', summary);
process.exit(0);
