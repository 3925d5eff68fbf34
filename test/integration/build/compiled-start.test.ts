// The production build as an operator runs it: `npm run build` compiles src/, commands/ and the operator
// scripts with tsconfig.build.json, then bundles the bot (scripts/bundle-bot.ts), and `npm start` runs plain
// Node on the bundle with the flags package.json gives it (no tsx). The build here goes to .tmp/compiled-build
// (same tsconfig and bundler, only the output folder differs, so dist/ is left alone) and runs from the
// repository root, as `npm start` does. The compile is incremental, so a re-run only recompiles what changed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { packagesLoaded } from '../../support/loaded-packages/bundled-packages.js';
import { testSecretKeys } from '../../support/course-fixture.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.join(root, '.tmp', 'compiled-build');
const dataDir = mkdtempSync(path.join(tmpdir(), 'coursethreads-compiled-'));
let emu: DiscordEmulator;
const guild = { id: '', channelId: '', memberId: '' };

beforeAll(async () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const build = spawnSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir, '--incremental', '--tsBuildInfoFile', path.join(outDir, '.tsbuildinfo')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the production build failed:\n${build.stdout}${build.stderr}`);
  const bundle = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/bundle-bot.ts', '--outdir', outDir], { cwd: root, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`the bundle failed:\n${bundle.stdout}${bundle.stderr}`);
  emu = await startDiscordEmulator();
  const g = emu.createGuild({ name: 'Compiled build course' });
  const channel = emu.createChannel(g.id, { name: 'general', type: 'text' });
  const member = emu.createUser({ username: 'student' });
  emu.addMember(g.id, member.id);
  await deployCommands({ token: emu.botToken, applicationId: emu.applicationId, guildId: g.id, apiUrl: emu.apiUrl });
  Object.assign(guild, { id: g.id, channelId: channel.id, memberId: member.id });
}, 300_000);

afterAll(async () => {
  await emu?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  logs: Record<string, unknown>[];
  stop(): Promise<string>;
}

/** The Node flags `npm start` passes, read from package.json: the test runs what operators run. */
const startFlags = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** `node <npm start's flags> <build>/bot/main.js` with the settings an operator exports; resolves once it logs that it is connected. */
async function startCompiled(nodeArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [...startFlags, ...nodeArgs, path.join(outDir, 'bot', 'main.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: emu.botToken,
      DISCORD_APPLICATION_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: `file:${path.join(dataDir, 'bot.db')}`,
      COURSETHREADS_SECRET_KEYS: `1:${testSecretKeys['1']}`,
      LOG_LEVEL: 'info',
      // Any free port: the default 8787 may be taken by a bot running on this machine or by a parallel run.
      HTTP_PORT: '0',
      ...extraEnv,
    },
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the compiled bot did not connect within 60 s:\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : { msg: line };
      logs.push(entry);
      if (entry.msg === 'CourseThreads is connected') {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the compiled bot exited (${how}) before it connected:\n${stderr}`));
    });
  });
  return {
    logs,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      return exited.finally(() => clearTimeout(force));
    },
  };
}

const migrationLogs = (logs: Record<string, unknown>[]) => logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('migration'));

describe('the compiled production build', () => {
  it('starts on plain Node, creates its database, connects to Discord and answers a slash command', async () => {
    expect(startFlags).toEqual(expect.arrayContaining(['--max-semi-space-size=1', '--liftoff-only', '--optimize-for-size']));
    const bot = await startCompiled();
    try {
      const reply = await emu.as(guild.memberId).runSlashCommand({ guildId: guild.id, channelId: guild.channelId, name: 'status' }).response(10_000);
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(/course/i);
      // A new database file gets every committed migration, and the log says so.
      expect(migrationLogs(bot.logs)).toEqual([expect.objectContaining({ msg: 'applied pending database migrations' })]);
    } finally {
      expect(await bot.stop()).toBe('0');
    }
  }, 120_000);

  it('the operator scripts run compiled on plain Node: db:migrate creates a database, commands:deploy registers, start:shards and secrets:reseal are there', async () => {
    for (const script of ['shard-manager', 'deploy-commands', 'db-migrate', 'reseal-secrets'])
      expect(existsSync(path.join(outDir, 'scripts', `${script}.js`)), script).toBe(true);
    const env = { PATH: process.env.PATH, DATABASE_URL: `file:${path.join(dataDir, 'migrated.db')}` };
    const migrate = spawnSync(process.execPath, [path.join(outDir, 'scripts', 'db-migrate.js')], { cwd: root, env, encoding: 'utf8' });
    expect(migrate.status, migrate.stdout + migrate.stderr).toBe(0);
    expect(existsSync(path.join(dataDir, 'migrated.db'))).toBe(true);
    // Asynchronous: the emulator answering it lives in this process.
    const child = spawn(process.execPath, [path.join(outDir, 'scripts', 'deploy-commands.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: emu.botToken,
        DISCORD_APPLICATION_ID: emu.applicationId,
        DISCORD_API_URL: emu.apiUrl,
        DISCORD_DEV_GUILD_ID: guild.id,
      },
    });
    const deploy = { stdout: '', stderr: '', status: -1 };
    child.stdout.on('data', (chunk: Buffer) => (deploy.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (deploy.stderr += chunk.toString()));
    deploy.status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    expect(deploy.status, deploy.stderr).toBe(0);
    expect(deploy.stdout).toMatch(/Registered \d+ command\(s\) in server/);
  }, 120_000);

  it('a restart on an up-to-date database applies nothing and still connects', async () => {
    const bot = await startCompiled();
    try {
      expect(migrationLogs(bot.logs)).toEqual([]);
    } finally {
      expect(await bot.stop()).toBe('0');
    }
  }, 120_000);

  it('starts without loading the chart, canvas, CSV, feed or PostgreSQL libraries (they load when a report, a feed blog or a PostgreSQL database asks)', async () => {
    const loadedFile = path.join(dataDir, 'loaded-packages.txt');
    const recorder = path.join(root, 'test', 'support', 'loaded-packages', 'register.mjs');
    const bot = await startCompiled(['--import', recorder], { LOADED_PACKAGES_FILE: loadedFile });
    await bot.stop();
    const loaded = [...packagesLoaded(readFileSync(loadedFile, 'utf8').split('\n').filter(Boolean), root, path.join(outDir, 'bot', 'meta.json'))];
    // What the bot needs to run is there (so the recording works) ...
    expect(loaded).toEqual(expect.arrayContaining(['discord.js', '@prisma/adapter-better-sqlite3', 'pino', 'node-cron']));
    // ... and what only a report, a CSV download, an RSS/Atom course blog or a PostgreSQL database needs is not.
    expect(
      loaded.filter((name) => ['@napi-rs/canvas', 'chart.js', 'csv-stringify', 'csv-parse', 'fast-xml-parser', 'pg', '@prisma/adapter-pg'].includes(name)),
    ).toEqual([]);
  }, 120_000);
});
