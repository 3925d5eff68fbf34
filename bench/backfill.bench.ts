// Backfill throughput under Discord's rate limits, and new-essay latency (issue 3).
// Part 1: 500 essays already on the blog (WordPress fake) before /course setup; the emulator limits
//   forum-post creation per channel; /course backfill's use case records them, the outbox is drained
//   until all 500 threads exist. Prints essays/s vs the limit and the 429s the emulator answered.
// Part 2: publish one essay, run one poll tick (syncNow) at once, time until its thread exists; x20,
//   once before the backfill (few recent essays) and once after it (500 more recent essays).
// Run: npx tsx bench/backfill.bench.ts     (env: BENCH_ESSAYS=500, BENCH_LIMIT=5, BENCH_WINDOW_MS=1000)
import { backfillCourse } from '../src/courses/backfill-course.js';
import { effectHandlers } from '../src/sync/effect-registry.js';
import { drainOutbox } from '../src/outbox/outbox-worker.js';
import { startBotWorld, type BotWorld } from '../test/support/bot-world.js';
import { describeRateLimits, rateLimitReport } from './support/rate-limit-report.js';
import { fmt, p50p95, percentile, printSummary, say, sleep, until } from './support/stats.js';

const essays = Number(process.env.BENCH_ESSAYS ?? 500);
const limit = Number(process.env.BENCH_LIMIT ?? 5);
const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 1_000);
const latencyRuns = Number(process.env.BENCH_LATENCY_RUNS ?? 20);
const THREADS_ROUTE = '/channels/{channel_id}/threads';
const DAY = 86_400_000;

const paragraph = (i: number) =>
  `<p>Essay ${i} argues that the “thaw” was uneven — reform in speech, caution in practice. It weighs memoirs against archives, and asks what a reader in ${1950 + (i % 20)} would have believed.</p>`;

/** Essays dated over the last 30 days (a semester's recent weeks), authored by both students. */
async function seedEssays(world: BotWorld, n: number): Promise<void> {
  const now = Date.now();
  const people = [world.wp.as('student1'), world.wp.as('student2')];
  for (let i = 0; i < n; i++) {
    const date = new Date(now - DAY - Math.floor(((n - i) / n) * 29 * DAY));
    const post = await people[i % 2]!.publishPost({
      title: `Week ${1 + (i % 12)}: backfilled essay #${i + 1}`,
      content: paragraph(i).repeat(3),
      date_gmt: date.toISOString().slice(0, 19),
    });
    // Written in the past, so last modified then too (REST cannot set modified; the fake's state can).
    const stored = world.wp.state.posts.find((p) => p.id === post.id)!;
    stored.modifiedGmt = stored.dateGmt;
  }
}

async function backfillPhase(world: BotWorld, courseId: string): Promise<[string, string][]> {
  const ctx = world.bot.ctx;
  world.emu.setRouteRateLimit(THREADS_ROUTE, { limit, windowMs });
  say(`emulator limit: POST ${THREADS_ROUTE}: ${limit} per ${windowMs} ms per channel (= ${fmt((limit * 1000) / windowMs, 1)} threads/s)`);
  const firstRequest = world.emu.state.requests.length;
  const before = world.emu.threadsIn(world.forumId).length;
  const made = () => world.emu.threadsIn(world.forumId).length - before;
  const t0 = performance.now();
  const summary = await backfillCourse(ctx, { courseId, since: new Date(Date.now() - 31 * DAY), actorUserId: world.instructorId });
  const recorded = performance.now();
  say(`backfill recorded ${summary.created} essays (seen ${summary.seen}) in ${fmt(recorded - t0)} ms`);
  let drains = 0;
  while (made() < essays) {
    if (performance.now() - t0 > 300_000) throw new Error(`only ${made()} threads after 300 s`);
    const done = await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
    drains += 1;
    if (done.done === 0) await sleep(50); // retries waiting on backoff: let time pass
    say(`  drain ${drains}: ${done.done} done, ${done.retried} retried, ${done.dead} dead; ${made()} threads`);
  }
  const end = performance.now();
  const requests = world.emu.state.requests.slice(firstRequest);
  const creates = requests.filter((r) => r.method === 'POST' && r.route === THREADS_ROUTE && r.status < 300);
  const firstAt = creates[0]!.at;
  const lastAt = creates.at(-1)!.at;
  const configured = (limit * 1000) / windowMs;
  const drainRate = essays / ((end - recorded) / 1000);
  const endToEnd = essays / ((end - t0) / 1000);
  // Steady rate between the first and last creation: n-1 intervals. This is what the limiter governs.
  const steady = (creates.length - 1) / ((lastAt - firstAt) / 1000);
  const report = rateLimitReport(requests);
  return [
    ['emulator limit (forum posts)', `${limit} per ${windowMs} ms = ${fmt(configured, 1)}/s`],
    ['threads created by the backfill', `${made()} of ${essays} essays (${creates.length} successful POSTs, ${drains} drain call(s))`],
    ['drain rate (outbox start -> last thread)', `${fmt(drainRate, 2)} essays/s = ${fmt((100 * drainRate) / configured)}% of limit (goal >= 80%)`],
    ['steady rate (first -> last POST)', `${fmt(steady, 2)} essays/s = ${fmt((100 * steady) / configured)}% of limit`],
    [
      'end to end incl. reading the blog',
      `${fmt(endToEnd, 2)} essays/s (${fmt((end - t0) / 1000, 1)} s for ${essays}; recording ${fmt((recorded - t0) / 1000, 1)} s)`,
    ],
    ['429s from the emulator', describeRateLimits(report)],
  ];
}

async function latencyPhase(world: BotWorld, label: string): Promise<[string, string][]> {
  const fromVisible: number[] = [];
  const ticks: number[] = [];
  const blogRequests: number[] = [];
  for (let i = 1; i <= latencyRuns; i++) {
    const title = `Latency probe ${label} ${i}: a new essay arrives`;
    await world.wp.as('student1').publishPost({ title, content: paragraph(i) });
    const visible = performance.now(); // the publish call returned: the post is on the blog
    const requestsBefore = world.wp.requests.length;
    const tick = world.bot.syncNow(); // the tick starts now, as if the schedule fired right after publishing
    const thread = until(() => world.emu.findThreadByName(title, world.forumId) && performance.now(), `thread for ${title}`, 120_000);
    const [threadAt] = await Promise.all([thread, tick]);
    ticks.push(performance.now() - visible);
    fromVisible.push(threadAt - visible);
    blogRequests.push(world.wp.requests.length - requestsBefore);
    await sleep(250); // essays do not arrive five a second; keep the forum bucket out of the figure
  }
  say(`latency ${label}: visible -> thread ${p50p95(fromVisible, 'ms')}`);
  return [
    [`latency, ${label}: post visible -> thread`, `${p50p95(fromVisible, 'ms')} (goal p95 <= 1000 ms)`],
    [`latency, ${label}: whole tick`, `${p50p95(ticks, 'ms')}; blog requests per tick: median ${fmt(percentile(blogRequests, 50))}`],
  ];
}

async function main(): Promise<void> {
  const world = await startBotWorld();
  try {
    const seedStart = performance.now();
    await seedEssays(world, essays);
    say(`seeded ${essays} essays on the WordPress fake in ${fmt(performance.now() - seedStart)} ms`);
    await world.setupCourse();
    const course = await world.testDb.db.course.findFirstOrThrow({ select: { id: true } });
    await world.bot.syncNow();
    say(`first poll after setup: ${world.emu.threadsIn(world.forumId).length} threads (old essays are not announced)`);
    const baseline = await latencyPhase(world, 'before backfill');
    const backfill = await backfillPhase(world, course.id);
    const after = await latencyPhase(world, `after backfill (${essays} more recent essays)`);
    printSummary(`backfill of ${essays} essays + new-essay latency (WordPress fake, Discord emulator)`, [...backfill, ...baseline, ...after]);
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`backfill bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
