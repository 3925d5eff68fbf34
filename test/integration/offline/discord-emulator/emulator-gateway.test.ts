import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { connectClient, emulatorClientOptions } from '../../../support/connect-client.js';
import { snowflakeForShard } from '../../../../src/offline/discord-emulator/index.js';
import { RESUME_PATH } from '../../../../src/offline/discord-emulator/gateway.js';
import { startBareEmulator, teardownFixtures, trackClient } from './test-setup.js';

afterEach(teardownFixtures);

/** A raw gateway connection that collects frames and the close code. */
function raw(url: string) {
  const ws = new WebSocket(`${url}?v=10&encoding=json`);
  const frames: { op: number; t?: string; d: any }[] = []; // gateway JSON, read loosely by the assertions
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('message', (data) => frames.push(JSON.parse((data as Buffer).toString('utf8')))); // text frames arrive as one Buffer
  const opened = new Promise((resolve) => ws.on('open', resolve));
  return { ws, frames, closed, opened, send: (p: unknown) => ws.send(JSON.stringify(p)) };
}

describe('gateway protocol', () => {
  it('sends HELLO, acks heartbeats, closes 4004 on a bad token', async () => {
    const e = await startBareEmulator({ heartbeatIntervalMs: 250 });
    const c = raw(e.gatewayUrl);
    await c.opened;
    await e.waitFor(() => c.frames.length > 0);
    expect(c.frames[0]).toEqual({ op: 10, d: { heartbeat_interval: 250 } });
    c.send({ op: 1, d: null });
    await e.waitFor(() => c.frames.some((f) => f.op === 11));
    c.send({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } });
    expect(await c.closed).toBe(4004);
  });

  it('closes 4010 for an invalid shard and accepts a valid one', async () => {
    const e = await startBareEmulator();
    const bad = raw(e.gatewayUrl);
    await bad.opened;
    bad.send({ op: 2, d: { token: e.botToken, intents: 1, properties: {}, shard: [2, 2] } });
    expect(await bad.closed).toBe(4010);
    const good = raw(e.gatewayUrl);
    await good.opened;
    good.send({ op: 2, d: { token: e.botToken, intents: 1, properties: {}, shard: [1, 2] } });
    await e.waitFor(() => good.frames.find((f) => f.t === 'READY'));
    expect(good.frames.find((f) => f.t === 'READY')!.d.shard).toEqual([1, 2]);
    good.ws.close();
  });

  it("without the MessageContent intent, other people's message content arrives blank", async () => {
    const e = await startBareEmulator();
    const guild = e.createGuild({ name: 'G' });
    const text = e.createChannel(guild.id, { name: 'general', type: 'text' });
    const alice = e.createUser({ username: 'alice' }).id;
    e.addMember(guild.id, alice);
    const client = await connectClient(e, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    trackClient(e, client);
    const got = new Promise<string>((resolve) => client.on('messageCreate', (m) => resolve(m.content)));
    e.as(alice).postMessage(text.id, { content: 'secret essay text' });
    expect(await got).toBe('');
  });
});

describe('sharding', () => {
  it('two clients with shards [0,2] and [1,2] each get only their guilds and their events', async () => {
    const e = await startBareEmulator({ shardCount: 2 });
    const g0 = e.createGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
    const g1 = e.createGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
    const c1 = e.createChannel(g1.id, { name: 'general', type: 'text' });
    const alice = e.createUser({ username: 'alice' }).id;
    e.addMember(g1.id, alice);
    const [a, b] = await Promise.all([connectClient(e, { shards: [0], shardCount: 2 }), connectClient(e, { shards: [1], shardCount: 2 })]);
    trackClient(e, a, b);
    expect([...a.guilds.cache.keys()]).toEqual([g0.id]);
    expect([...b.guilds.cache.keys()]).toEqual([g1.id]);
    const seenByA: string[] = [];
    a.on('messageCreate', (m) => seenByA.push(m.content));
    const got = new Promise<string>((resolve) => b.on('messageCreate', (m) => resolve(m.content)));
    e.as(alice).postMessage(c1.id, { content: 'only shard one' });
    expect(await got).toBe('only shard one');
    expect(seenByA).toEqual([]);
  });

  it('shards: "auto" follows the recommended count from /gateway/bot', async () => {
    const e = await startBareEmulator({ shardCount: 2 });
    e.createGuild({ id: snowflakeForShard(0, 2), name: 'A' });
    e.createGuild({ id: snowflakeForShard(1, 2), name: 'B' });
    const client = await connectClient(e, { shards: 'auto' });
    trackClient(e, client);
    expect(client.guilds.cache.size).toBe(2);
    expect(e.gateway.log.filter((l) => l.event === 'identify').map((l) => l.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe('reconnects', () => {
  for (const mode of ['reconnect', 'terminate'] as const) {
    it(`after a dropped connection (${mode}) the client RESUMEs at resume_gateway_url and misses nothing`, async () => {
      const e = await startBareEmulator();
      const guild = e.createGuild({ name: 'G' });
      const text = e.createChannel(guild.id, { name: 'general', type: 'text' });
      const alice = e.createUser({ username: 'alice' }).id;
      e.addMember(guild.id, alice);
      const client = new Client(emulatorClientOptions(e));
      trackClient(e, client);
      const ready = new Promise((r) => client.once('clientReady', r));
      await client.login(e.botToken);
      await ready;
      const seen: string[] = [];
      client.on('messageCreate', (m) => seen.push(m.content));
      e.dropGatewayConnections(mode);
      e.as(alice).postMessage(text.id, { content: 'during the drop' });
      await e.waitFor(() => e.gateway.log.some((l) => l.event === 'resume'), 5000, 'RESUME');
      e.as(alice).postMessage(text.id, { content: 'after the resume' });
      await e.waitFor(() => seen.length >= 2, 5000, 'both messages');
      expect(seen).toEqual(['during the drop', 'after the resume']);
      const resume = e.gateway.log.find((l) => l.event === 'resume')!;
      expect(resume.path).toBe(RESUME_PATH);
      expect(e.gateway.log.filter((l) => l.event === 'identify')).toHaveLength(1);
      expect(client.channels.cache.get(text.id)?.type).toBe(ChannelType.GuildText);
    });
  }
});
