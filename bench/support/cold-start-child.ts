// One cold start of the bot, run by bench/cold-start.bench.ts as a fresh `npx tsx` process. It does what
// src/main.ts does after reading config (migrate, open the database, startBot with the scheduler on)
// against the emulator the parent started, then idles and reports one JSON line:
//   BENCH_RESULT {"modulesMs":..,"migrateMs":..,"readyMs":..,"readyAtEpochMs":..,"idleRssMb":..,"idleHeapMb":..}
// Times are ms since this node process started (performance.timeOrigin).
// Env: BENCH_API_URL, BENCH_TOKEN, BENCH_DB_URL, BENCH_IDLE_MS (default 10000).
import { performance } from 'node:perf_hooks';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`cold-start-child: ${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  // Dynamic imports so module loading (discord.js, Prisma, pino, ...) is its own phase.
  const [{ startBot }, { realBlogSources }, { openDb }, { migrateDatabase }, { SecretBox }, { systemClock }, { silentLogger }] = await Promise.all([
    import('../../src/app/start-bot.js'),
    import('../../src/courses/course-blogs.js'),
    import('../../src/db/client.js'),
    import('../../src/db/migrate.js'),
    import('../../src/privacy/secret-box.js'),
    import('../../src/shared/clock.js'),
    import('../../src/shared/logger.js'),
  ]);
  const modulesMs = performance.now();
  const dbUrl = env('BENCH_DB_URL');
  // main.ts migrates on every start; on an up-to-date file this is `prisma migrate deploy` doing nothing.
  await migrateDatabase(dbUrl);
  const migrateMs = performance.now();
  const db = await openDb(dbUrl);
  const secrets = new SecretBox({ '1': Buffer.alloc(32, 7).toString('base64') });
  const log = silentLogger();
  const bot = await startBot({ token: env('BENCH_TOKEN'), apiUrl: env('BENCH_API_URL'), db, secrets, createBlog: realBlogSources({ log }), clock: systemClock, log, schedule: true });
  const readyMs = performance.now();
  const readyAtEpochMs = Date.now();

  await new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_IDLE_MS ?? 10_000)));
  const mem = process.memoryUsage();
  const result = { modulesMs, migrateMs, readyMs, readyAtEpochMs, idleRssMb: mem.rss / 2 ** 20, idleHeapMb: mem.heapUsed / 2 ** 20 };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  await bot.stop();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`cold-start-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
