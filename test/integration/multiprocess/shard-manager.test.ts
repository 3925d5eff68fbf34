// discord.js's ShardingManager running the real bot entry (src/main.ts) as one process per shard against
// the emulator: each process identifies on its own shard, a guild's interaction is answered by the process
// owning its shard, and a shard process killed with SIGKILL is started again by the manager.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { startShards, type RunningShards } from '../../../src/discord/shard-manager.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { testSecretKeys } from '../../support/course-fixture.js';
import { startDiscordEmulator, snowflakeForShard, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { openDb, type Db } from '../../../src/db/client.js';
import { createTestDatabase, postgresAvailable } from '../../support/postgres-server.js';
import { waitUntil } from './scenario.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let emu: DiscordEmulator;
let db: Db;
let url: string;
const available = postgresAvailable();
let shards: RunningShards;
const guilds: Array<{ id: string; shard: number; channelId: string; memberId: string }> = [];

beforeAll(async () => {
  emu = await startDiscordEmulator({ shardCount: 2 });
  if (!available.ok) return;
  // PostgreSQL: every shard process runs main.ts's migrations at start, concurrently. PostgreSQL serialises
  // them (advisory lock); two `prisma migrate deploy` on one SQLite file at once fail ("database is locked").
  url = await createTestDatabase();
  db = await openDb(url);
  for (const shard of [0, 1, 0, 1]) {
    const guild = emu.createGuild({ id: snowflakeForShard(shard, 2), name: `Guild on shard ${shard}` });
    const channel = emu.createChannel(guild.id, { name: 'general', type: 'text' });
    const member = emu.createUser({ username: `member-${guilds.length}` });
    emu.addMember(guild.id, member.id);
    await deployCommands({ token: emu.botToken, applicationId: emu.applicationId, guildId: guild.id, apiUrl: emu.apiUrl });
    guilds.push({ id: guild.id, shard, channelId: channel.id, memberId: member.id });
  }
  shards = await startShards({
    totalShards: 2,
    shardList: [0, 1],
    file: path.join(root, 'src', 'main.ts'),
    execArgv: ['--import', 'tsx'],
    token: emu.botToken,
    spawnDelayMs: 200,
    readyTimeoutMs: 60_000,
    log: silentLogger(),
    childEnv: {
      DISCORD_TOKEN: emu.botToken,
      DISCORD_APPLICATION_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: url,
      COURSETHREADS_SECRET_KEYS: `1:${testSecretKeys['1']}`,
      LOG_LEVEL: 'warn',
      // Any free port: a fixed one could be taken by another test run on the same machine.
      HTTP_PORT: '0',
    },
  });
}, 120_000);

afterAll(async () => {
  await shards?.stop();
  await emu?.close();
  await db?.$disconnect();
});

const identified = () => emu.gateway.log.filter((e) => e.event === 'identify').map((e) => e.shard!.join('/'));

async function answeredIn(guild: (typeof guilds)[number]): Promise<boolean> {
  const ix = emu.as(guild.memberId).runSlashCommand({ guildId: guild.id, channelId: guild.channelId, name: 'status' });
  const reply = await ix.response(10_000);
  return reply.ephemeral && reply.content.length > 0;
}

describe.skipIf(!available.ok)(`ShardingManager: a process per shard running src/main.ts${available.ok ? '' : ` — skipped: ${available.reason}`}`, () => {
  it('starts one process per shard, each identifying on its own shard and answering its guilds', async () => {
    expect(identified().sort()).toEqual(['0/2', '1/2']);
    const pids = shards.pids();
    expect([...pids.keys()].sort()).toEqual([0, 1]);
    expect(new Set(pids.values()).size).toBe(2);
    // Each process wrote its heartbeat with the shard it runs (what /report health lists).
    await waitUntil(async () => (await db.processHeartbeat.count()) === 2, 10_000, 'two heartbeats');
    const beats = await db.processHeartbeat.findMany({ select: { pid: true, shardIds: true } });
    expect(beats.map((b) => [b.pid, JSON.parse(b.shardIds) as number[]]).sort()).toEqual([...pids].map(([shard, pid]) => [pid, [shard]]).sort());
    for (const guild of guilds) expect(await answeredIn(guild)).toBe(true);
  }, 60_000);

  it('starts a killed shard process again, and its guilds are answered again', async () => {
    const before = shards.pids().get(1)!;
    process.kill(before, 'SIGKILL');
    await waitUntil(
      () => (shards.pids().get(1) ?? before) !== before && identified().filter((s) => s === '1/2').length === 2,
      60_000,
      'shard 1 respawned and identified',
    );
    await waitUntil(() => shards.manager.shards.get(1)!.ready, 60_000, 'shard 1 ready');
    for (const guild of guilds.filter((g) => g.shard === 1)) expect(await answeredIn(guild)).toBe(true);
  }, 90_000);
});
