import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAPIError, Routes, type TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

describe('DMs', () => {
  it('surfaces a closed DM as DiscordAPIError 50007, and delivers once DMs are open', async () => {
    const { emu, client, alice } = await setupFixture();
    const user = await client.users.fetch(alice);
    emu.setDmClosed(alice, true);
    const err = await user.send('Reminder: review Bob’s essay').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50007);
    emu.setDmClosed(alice, false);
    await user.send('Reminder: review Bob’s essay');
    expect(emu.dmsTo(alice).map((m) => m.content)).toEqual(['Reminder: review Bob’s essay']);
  });

  it("delivers a person's DM to the bot (Partials.Channel)", async () => {
    const { emu, client, bob } = await setupFixture();
    const got = new Promise<string>((resolve) => client.on('messageCreate', (m) => resolve(`${m.author.id}:${m.content}`)));
    emu.as(bob).sendDm({ content: 'help' });
    expect(await got).toBe(`${bob}:help`);
  });
});

describe('rate limits and server errors', () => {
  it('a 429 on a route is retried by discord.js after Retry-After; the log shows 429 then success', async () => {
    const { emu, client, textId } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    emu.failNext({ method: 'POST', routeMatch: '/channels/{channel_id}/messages', status: 429, retryAfterSeconds: 0.05 });
    await channel.send('after a rate limit');
    const posts = emu.state.requests.filter((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages');
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(emu.messagesIn(textId)).toHaveLength(1);
  });

  it('a global 429 is retried too', async () => {
    const { emu, client, textId } = await setupFixture();
    emu.failNext({ routeMatch: /\/messages$/, status: 429, global: true, retryAfterSeconds: 0.05 });
    await client.rest.post(Routes.channelMessages(textId), { body: { content: 'x' } });
    expect(emu.state.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.status)).toEqual([429, 200]);
  });

  it('5xx answers are retried (discord.js retries them up to 3 times)', async () => {
    const { emu, client, textId } = await setupFixture();
    emu.failNext({ routeMatch: /\/messages$/, status: 503, times: 2 });
    await client.rest.post(Routes.channelMessages(textId), { body: { content: 'x' } });
    expect(emu.state.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('a route bucket sends X-RateLimit-* headers and a Discord 429 body beyond its limit', async () => {
    const { emu, textId } = await setupFixture();
    emu.setRouteRateLimit('/channels/{channel_id}/messages', { limit: 2, windowMs: 5000 });
    const post = () =>
      fetch(`${emu.apiUrl}/v10/channels/${textId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${emu.botToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'x' }),
      });
    const first = await post();
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]+$/);
    expect((await post()).headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(await limited.json()).toMatchObject({ message: 'You are being rate limited.', global: false, retry_after: expect.any(Number) });
    expect(emu.messagesIn(textId)).toHaveLength(2);
  });

  it('discord.js respects the bucket headers: every send succeeds without hitting a 429', async () => {
    const { emu, client, textId } = await setupFixture();
    emu.setRouteRateLimit('/channels/{channel_id}/messages', { limit: 2, windowMs: 200 });
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    await Promise.all([channel.send('1'), channel.send('2'), channel.send('3')]);
    expect(emu.messagesIn(textId)).toHaveLength(3);
    expect(emu.state.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});

describe('request log and auth', () => {
  it("a wrong bot token gets 401 with Discord's body", async () => {
    const { emu } = await setupFixture();
    const res = await fetch(`${emu.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const ok = await fetch(`${emu.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emu.botToken}` } });
    expect(ok.status).toBe(200);
  });

  it('unknown routes are 404 and listed by unknownRequests()', async () => {
    const { emu, client } = await setupFixture();
    const err = await client.rest.get('/guilds/1/audit-logs').catch((e: unknown) => e);
    expect((err as DiscordAPIError).status).toBe(404);
    expect(emu.unknownRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /guilds/1/audit-logs']);
  });

  it('records body keys the spec does not know (a misspelt allowed_mentions is ignored by Discord)', async () => {
    const { emu, client, textId, alice } = await setupFixture();
    await client.rest.post(Routes.channelMessages(textId), { body: { content: `<@${alice}>`, allowed_mention: { parse: [] } } });
    const entry = emu.state.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!;
    expect(entry.unknownKeys).toEqual(['allowed_mention']);
    expect(emu.messagesIn(textId)[0]!.pinged.users).toEqual([alice]); // the typo means Alice IS pinged
  });

  it('a 204 carries no content-type (discord.js would fail to parse it)', async () => {
    const { emu, client, textId } = await setupFixture();
    const msg = (await client.rest.post(Routes.channelMessages(textId), { body: { content: 'x' } })) as { id: string };
    const res = await fetch(`${emu.apiUrl}/v10/channels/${textId}/messages/${msg.id}`, { method: 'DELETE', headers: { authorization: `Bot ${emu.botToken}` } });
    expect(res.status).toBe(204);
    expect(res.headers.get('content-type')).toBeNull();
  });
});
