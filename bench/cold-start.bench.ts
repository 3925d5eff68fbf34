// Cold start to READY and idle memory of the real bot against the Discord emulator (issue 2).
// Each of N runs spawns a fresh `npx tsx bench/support/cold-start-child.ts` (migrate, open SQLite,
// startBot with the scheduler on), waits for clientReady, idles 10 s and reports RSS.
// The emulator and the database file live in this parent process, so the child's figures are the bot's.
// Run: npx tsx bench/cold-start.bench.ts        (env: BENCH_RUNS=5, BENCH_IDLE_MS=10000)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDiscordEmulator } from '../src/offline/discord-emulator/index.js';
import { createTestDb } from '../test/support/test-db.js';
import { fmt, minMedMax, printSummary, say } from './support/stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 10_000);

interface ChildResult {
  modulesMs: number;
  migrateMs: number;
  readyMs: number;
  readyAtEpochMs: number;
  idleRssMb: number;
  idleHeapMb: number;
}

function runChild(env: Record<string, string>): Promise<{ result: ChildResult; spawnedAt: number }> {
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    const child = spawn('npx', ['tsx', 'bench/support/cold-start-child.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000 + idleMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`child exited ${code}:\n${out}\n${err}`));
      resolve({ result: JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildResult, spawnedAt });
    });
  });
}

async function main(): Promise<void> {
  say(`cold start: ${runs} fresh processes, each idles ${idleMs / 1000} s after clientReady`);
  const fromSpawn: number[] = [];
  const fromNodeStart: number[] = [];
  const modules: number[] = [];
  const migrate: number[] = [];
  const login: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const emu = await startDiscordEmulator({ heartbeatIntervalMs: 5_000 });
    const guild = emu.createGuild({ name: 'Cold start bench' });
    emu.createChannel(guild.id, { name: 'essays', type: 'forum' });
    const testDb = await createTestDb();
    await testDb.db.$disconnect(); // the child opens the file itself
    try {
      const { result, spawnedAt } = await runChild({ BENCH_API_URL: emu.apiUrl, BENCH_TOKEN: emu.botToken, BENCH_DB_URL: testDb.url, BENCH_IDLE_MS: String(idleMs) });
      fromSpawn.push(result.readyAtEpochMs - spawnedAt);
      fromNodeStart.push(result.readyMs);
      modules.push(result.modulesMs);
      migrate.push(result.migrateMs - result.modulesMs);
      login.push(result.readyMs - result.migrateMs);
      rss.push(result.idleRssMb);
      heap.push(result.idleHeapMb);
      say(`run ${i}: spawn->ready ${fmt(fromSpawn.at(-1)!)} ms (node start->ready ${fmt(result.readyMs)} ms: modules ${fmt(result.modulesMs)}, migrate ${fmt(migrate.at(-1)!)}, db+login ${fmt(login.at(-1)!)}), idle RSS ${fmt(result.idleRssMb, 1)} MB`);
    } finally {
      await emu.close();
      await testDb.close();
    }
  }
  printSummary('cold start (bot vs Discord emulator)', [
    ['spawn -> clientReady (npx + tsx + bot)', minMedMax(fromSpawn, 'ms')],
    ['node start -> clientReady', minMedMax(fromNodeStart, 'ms')],
    ['  of which: loading modules', minMedMax(modules, 'ms')],
    ['  of which: prisma migrate deploy', minMedMax(migrate, 'ms')],
    ['  of which: open db + login + READY', minMedMax(login, 'ms')],
    [`idle RSS after ${idleMs / 1000} s`, minMedMax(rss, 'MB', 1)],
    [`idle heap used after ${idleMs / 1000} s`, minMedMax(heap, 'MB', 1)],
  ]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`cold-start bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
