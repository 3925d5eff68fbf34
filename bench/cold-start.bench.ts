// Cold start and footprint of the real bot (issue 14), the compiled build beside the tsx start, in one run:
// each start is `node dist/bot/main.js` with npm start's flags (what `npm start` runs) or `node --import tsx src/main.ts` (`npm run dev`)
// as its own OS process against the Discord emulator, on an up-to-date SQLite file, scheduler on.
// Figures per start: ms from spawn to the "connected" log line (node start to READY), the part of it before
// the "connecting to Discord" line (the "excluding Discord": after it comes the gateway handshake,
// short here because the emulator is local), and RSS after BENCH_IDLE_MS of idling. Worlds: one guild with one course (BENCH_RUNS
// starts each), then +100 courses (one guild, a forum each, all on one WordPress fake) and +100 guilds with no
// course (a text channel, a forum and 30 members each): the RSS slopes per 100 courses and per 100 guilds.
// The build (`npm run build`) runs first and its duration is printed too.
// Run: npx tsx bench/cold-start.bench.ts        (env: BENCH_RUNS=3, BENCH_IDLE_MS=10000, BENCH_EXTRA=100)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCourse, testSecretKeys } from '../test/support/course-fixture.js';
import { startDiscordEmulator, type DiscordEmulator } from '../src/offline/discord-emulator/index.js';
import { createTestDb } from '../test/support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../src/offline/wordpress-fake/index.js';
import { startMain, type StartMode } from './support/start-main.js';
import { fmt, median, minMedMax, printSummary, say } from './support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 10_000);
const extra = Number(process.env.BENCH_EXTRA ?? 100);
const modes: StartMode[] = ['compiled', 'tsx'];

interface WorldSize {
  label: string;
  courses: number;
  guilds: number;
}

async function withWorld<T>(size: WorldSize, body: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const emu: DiscordEmulator = await startDiscordEmulator({ heartbeatIntervalMs: 5_000 });
  const wp: WordPressFake = await startWordPressFake({ floodSeconds: 0 });
  const testDb = await createTestDb();
  try {
    const home = emu.createGuild({ name: 'Department of History' });
    for (let c = 0; c < size.courses; c++) {
      const forum = emu.createChannel(home.id, { name: `essays-${c}`, type: 'forum' });
      await createCourse(testDb.db, {
        blogUrl: wp.url,
        username: wp.users.bot.login,
        appPassword: wp.users.bot.appPassword,
        ingestSince: new Date(),
        guildId: home.id,
        channelId: forum.id,
      });
    }
    for (let g = 1; g < size.guilds; g++) {
      const guild = emu.createGuild({ name: `Server ${g}` });
      emu.createChannel(guild.id, { name: 'general', type: 'text' });
      emu.createChannel(guild.id, { name: 'essays', type: 'forum' });
      for (let m = 0; m < 30; m++) emu.addMember(guild.id, emu.createUser({ username: `s${g}-${m}` }).id);
    }
    await testDb.db.$disconnect(); // the bot opens the file itself
    return await body({
      DISCORD_TOKEN: emu.botToken,
      DISCORD_APPLICATION_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: testDb.url,
      COURSETHREADS_SECRET_KEYS: `1:${testSecretKeys['1']}`,
      BLOG_ALLOWED_HOSTS: '127.0.0.1',
    });
  } finally {
    await emu.close();
    await wp.close();
    await testDb.close();
  }
}

async function main(): Promise<void> {
  const buildStart = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  const buildSeconds = (performance.now() - buildStart) / 1000;
  say(`npm run build: ${fmt(buildSeconds, 1)} s; then ${runs} starts per mode, each idling ${idleMs / 1000} s after READY`);
  const ready: Record<StartMode, number[]> = { compiled: [], tsx: [] };
  const ours: Record<StartMode, number[]> = { compiled: [], tsx: [] };
  const rss: Record<StartMode, number[]> = { compiled: [], tsx: [] };
  const base: WorldSize = { label: '1 guild, 1 course', courses: 1, guilds: 1 };
  for (let i = 1; i <= runs; i++) {
    for (const mode of modes) {
      const f = await withWorld(base, (env) => startMain(root, mode, env, idleMs));
      ready[mode].push(f.readyMs);
      ours[mode].push(f.readyMs - f.handshakeMs);
      rss[mode].push(f.idleRssMb);
      say(`run ${i} ${mode}: node start -> READY ${fmt(f.readyMs)} ms (gateway handshake ${fmt(f.handshakeMs)} ms), idle RSS ${fmt(f.idleRssMb, 1)} MB`);
    }
  }
  const slopes: Record<StartMode, { courses: number; guilds: number }> = { compiled: { courses: 0, guilds: 0 }, tsx: { courses: 0, guilds: 0 } };
  for (const mode of modes) {
    const moreCourses = await withWorld({ label: `+${extra} courses`, courses: 1 + extra, guilds: 1 }, (env) => startMain(root, mode, env, idleMs));
    const moreGuilds = await withWorld({ label: `+${extra} guilds`, courses: 1, guilds: 1 + extra }, (env) => startMain(root, mode, env, idleMs));
    say(
      `${mode}: ${1 + extra} courses -> idle RSS ${fmt(moreCourses.idleRssMb, 1)} MB (READY ${fmt(moreCourses.readyMs)} ms); ${1 + extra} guilds -> ${fmt(moreGuilds.idleRssMb, 1)} MB (READY ${fmt(moreGuilds.readyMs)} ms)`,
    );
    const per100 = 100 / extra;
    slopes[mode] = { courses: (moreCourses.idleRssMb - median(rss[mode])) * per100, guilds: (moreGuilds.idleRssMb - median(rss[mode])) * per100 };
  }
  const side = (f: (m: StartMode) => string) => `compiled ${f('compiled')}  |  tsx ${f('tsx')}`;
  printSummary('cold start and footprint: compiled (npm start) | tsx (npm run dev)', [
    ['npm run build', `${fmt(buildSeconds, 1)} s`],
    ['node start -> READY, 1 course', side((m) => minMedMax(ready[m], 'ms'))],
    ['  of it before the login (goal <= 1 s excl. Discord)', side((m) => minMedMax(ours[m], 'ms'))],
    [`idle RSS after ${idleMs / 1000} s, 1 course (goal <= 120 MB)`, side((m) => minMedMax(rss[m], 'MB', 1))],
    ['RSS slope per 100 courses (one run vs median)', side((m) => `${fmt(slopes[m].courses, 1)} MB`)],
    ['RSS slope per 100 guilds (one run vs median)', side((m) => `${fmt(slopes[m].guilds, 1)} MB`)],
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`cold-start bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
