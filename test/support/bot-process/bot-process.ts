// One bot PROCESS for the multi-process suite and bench/scale.bench.ts: `tsx bot-process.ts`, set up by
// env (see spawn-bot-process.ts). It runs the real bot (startBot: discord.js client on the given shards,
// event handlers, command router) and the real jobs on node-cron, only with schedules measured in seconds
// instead of the production 10 s / 30 s / 5 min, so a lease of a few seconds can be proven in a test.
// Prints one JSON line `{"ready":...}` on stdout when connected; SIGTERM stops it the way production does
// (src/app/graceful-shutdown.ts: drain, release leases, exit 0), SIGKILL does not.
import pino from 'pino';
import { stopGracefullyOnSignals } from '../../../src/app/graceful-shutdown.js';
import { startBot } from '../../../src/app/start-bot.js';
import { realBlogSources } from '../../../src/courses/course-blogs.js';
import { closeDb, openDb } from '../../../src/db/client.js';
import type { Job } from '../../../src/jobs/job.js';
import { reminderSweepJob } from '../../../src/jobs/reminder-sweep-job.js';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import { systemClock } from '../../../src/shared/clock.js';
import { createLogger } from '../../../src/shared/logger.js';
import { testBlogHosts, testSecretKeys } from '../course-fixture.js';

const env = process.env;

// A bot process must not outlive the test that started it: when that test process is killed (vitest ending a
// worker runs no exit handler), this one notices and goes too, instead of polling a database nobody reads.
const parentPid = process.ppid;
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    process.exit(1);
  }
}, 500).unref();
const need = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`bot-process: ${name} is not set`);
  return value;
};

const shards = need('BOT_SHARDS').split(',').map(Number);
const shardCount = Number(need('BOT_SHARD_COUNT'));
const leaseSeconds = Number(env.BOT_LEASE_SECONDS ?? '3');
const tickSeconds = Number(env.BOT_TICK_SECONDS ?? '1');
const sweepSeconds = Number(env.BOT_SWEEP_SECONDS ?? '2');
const drainSeconds = Number(env.BOT_DRAIN_SECONDS ?? '5');
const every = (seconds: number) => `*/${seconds} * * * * *`;
const log = createLogger(env.BOT_LOG_LEVEL ?? 'info', env.BOT_LOG_FILE ? pino.destination({ dest: env.BOT_LOG_FILE, sync: true }) : undefined).child({
  proc: env.BOT_NAME,
});
// Before the bot starts, as src/main.ts does: the parent may send SIGTERM the moment it reads the ready line.
const shutdown = stopGracefullyOnSignals({ log, drainMs: drainSeconds * 1_000 });

const db = await openDb(need('BOT_DATABASE_URL'));
const bot = await startBot({
  token: need('BOT_TOKEN'),
  apiUrl: need('BOT_API_URL'),
  db,
  secrets: new SecretBox(testSecretKeys),
  createBlog: realBlogSources({ sleep: async () => undefined, retries: 1, timeoutMs: 5_000, allowedHosts: testBlogHosts }),
  clock: systemClock,
  log,
  leaseSeconds,
  shards,
  shardCount,
  databaseUrl: need('BOT_DATABASE_URL'),
  // Blog push: this process is woken (PostgreSQL LISTEN) for the courses it holds, whoever received the push.
  pushWake: env.BOT_PUSH_WAKE === '1',
  // The production jobs' schedules are minutes; these are seconds, so leases and takeovers show within a test.
  jobs: (sync) => {
    const jobs: Job[] = [{ ...sync, schedule: every(tickSeconds) }];
    if (env.BOT_REMINDERS !== '0') jobs.push({ ...reminderSweepJob(), schedule: every(sweepSeconds) });
    return jobs;
  },
});

process.stdout.write(`${JSON.stringify({ ready: true, owner: bot.ctx.owner, pid: process.pid, shards, guilds: bot.client.guilds.cache.size })}\n`);

shutdown.attach({ bot, closeDatabase: () => closeDb(db) });
