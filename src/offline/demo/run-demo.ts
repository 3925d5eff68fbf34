// npm run demo — the whole bot, offline. Starts the project's Discord emulator and a sample WordPress
// blog on 127.0.0.1, runs the real bot (discord.js, Prisma on a SQLite file) against them, plays the
// course loop (demo-steps.ts), and prints what happened. Needs no Discord token and no blog.
// Exits 0 when every step happened; otherwise 1, with the step that did not happen on stderr.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ManualClock } from '../../shared/clock.js';
import { createLogger } from '../../shared/logger.js';
import { offlineSecretKeys } from '../offline-keys.js';
import { startOfflineWorld } from '../offline-world.js';
import { openDemoDatabase } from './demo-database.js';
import { demoStartsAt, playDemo } from './demo-steps.js';

const say = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  say('CourseThreads demo — everything runs locally: a Discord emulator, a sample course blog, the real bot.\n');
  // LOG_LEVEL=debug shows the bot's own log on stderr (silent by default: the narration is the point).
  const level = process.env.LOG_LEVEL ?? 'silent';
  // The bot's own clock, so the demo can move on to the first reminder without waiting a day.
  const clock = new ManualClock(demoStartsAt(new Date()));
  const world = await startOfflineWorld({ openDatabase: openDemoDatabase, clock, log: createLogger(level, pino.destination(2)) });
  // For the test that scans a demo run's output for secrets: where to write the ones this run used.
  if (process.env.DEMO_SECRETS_FILE) {
    writeFileSync(
      process.env.DEMO_SECRETS_FILE,
      JSON.stringify([world.wp.users.bot.appPassword, world.wp.users.bot.token, world.emu.botToken, ...Object.values(offlineSecretKeys)]),
    );
  }
  try {
    // The chart outlives the demo (its database does not): the path is printed for the reader to open.
    // DEMO_CHART_DIR chooses the folder (CI keeps it as an artifact; the log-scan test removes it).
    const chartDir = process.env.DEMO_CHART_DIR ?? mkdtempSync(path.join(tmpdir(), 'coursethreads-demo-chart-'));
    await playDemo(world, { clock, chartDir, say });
    say('\nDone. To run it for your course: see README.md, “Running it for your course”.');
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.LOG_LEVEL && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
