// What the emulator refuses, with Discord's error codes: each documented limit (rejected past it, accepted at
// it), missing permissions, and unknown or archived objects, so the bot's error handling meets real answers.
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAPIError, PermissionFlagsBits, Routes, type ForumChannel, type TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DiscordAPIError ? e.code : `not a DiscordAPIError: ${String(e)}`),
  );

describe('documented limits (each rejected, and accepted at the limit)', () => {
  it('content is at most 2000 characters (the spec would allow 4000)', async () => {
    const { client, textId } = await setupFixture();
    const post = (content: string) => client.rest.post(Routes.channelMessages(textId), { body: { content } });
    expect(await code(post('x'.repeat(2001)))).toBe(50035);
    expect(await code(post('x'.repeat(2000)))).toBe('ok');
  });

  it('embeds: 10 per message, title 256, description 4096, 25 fields, 6000 in total', async () => {
    const { client, textId } = await setupFixture();
    const post = (embeds: unknown[]) => client.rest.post(Routes.channelMessages(textId), { body: { embeds } });
    expect(await code(post(Array.from({ length: 11 }, () => ({ title: 't' }))))).toBe(50035);
    expect(await code(post(Array.from({ length: 10 }, () => ({ title: 't' }))))).toBe('ok');
    expect(await code(post([{ title: 't'.repeat(257) }]))).toBe(50035);
    expect(await code(post([{ title: 't'.repeat(256) }]))).toBe('ok');
    expect(await code(post([{ description: 'd'.repeat(4097) }]))).toBe(50035);
    expect(await code(post([{ description: 'd'.repeat(4096) }]))).toBe('ok');
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    expect(await code(post([{ fields: fields(26) }]))).toBe(50035);
    expect(await code(post([{ fields: fields(25) }]))).toBe('ok');
    expect(await code(post([{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }]))).toBe(50035);
    expect(await code(post([{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2000) }]))).toBe('ok');
  });

  it('a message needs content, embeds or files', async () => {
    const { client, textId } = await setupFixture();
    expect(await code(client.rest.post(Routes.channelMessages(textId), { body: { content: '' } }))).toBe(50006);
    expect(await code(client.rest.post(Routes.channelMessages(textId), { body: { content: '.' } }))).toBe('ok');
  });

  it('thread and forum post names are 1-100 characters, on create and rename', async () => {
    const { client, forumId, textId } = await setupFixture();
    const forum = (await client.channels.fetch(forumId)) as ForumChannel;
    const mk = (name: string) => forum.threads.create({ name, message: { content: 'x' } });
    expect(await code(mk('n'.repeat(101)))).toBe(50035);
    expect(await code(mk(''))).toBe(50035);
    expect(await code(mk('n'.repeat(100)))).toBe('ok');
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const thread = await text.threads.create({ name: 'ok' });
    expect(await code(thread.setName('n'.repeat(101)))).toBe(50035);
    expect(await code(thread.setName(''))).toBe(50035);
    expect(await code(thread.setName('renamed'))).toBe('ok');
  });

  it('starting a thread from the same message twice fails with 160004', async () => {
    const { client, textId } = await setupFixture();
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const msg = await text.send('Essay posted');
    expect(await code(msg.startThread({ name: 'Discussion' }))).toBe('ok');
    expect(await code(client.rest.post(Routes.threads(textId, msg.id), { body: { name: 'Again' } }))).toBe(160004);
  });
});

describe('permissions and unknown objects', () => {
  it('refuses a send without Send Messages (50013) and accepts it once allowed', async () => {
    const { emu, client, guildId, textId } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    emu.setChannelPermissionOverwrites(textId, [emu.denyBot(guildId, PermissionFlagsBits.SendMessages)]);
    expect(await code(channel.send('hello'))).toBe(50013);
    emu.setChannelPermissionOverwrites(textId, []);
    expect(await code(channel.send('hello'))).toBe('ok');
  });

  it.each([
    ['Attach Files', PermissionFlagsBits.AttachFiles, { content: 'f', files: [{ attachment: Buffer.from('x'), name: 'a.txt' }] }],
    ['Embed Links', PermissionFlagsBits.EmbedLinks, { embeds: [{ title: 'e' }] }],
  ])('refuses a message needing %s without it', async (_name, flag, payload) => {
    const { emu, client, guildId, textId } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    emu.setChannelPermissionOverwrites(textId, [emu.denyBot(guildId, flag)]);
    expect(await code(channel.send(payload))).toBe(50013);
    emu.setChannelPermissionOverwrites(textId, []);
    expect(await code(channel.send(payload))).toBe('ok');
  });

  it('thread permissions: Send Messages in Threads, Create Public Threads, Manage Webhooks, Add Reactions', async () => {
    const { emu, client, guildId, textId } = await setupFixture();
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const thread = await text.threads.create({ name: 't' });
    const msg = await text.send('m');
    const checks: [bigint, () => Promise<unknown>][] = [
      [PermissionFlagsBits.SendMessagesInThreads, () => thread.send('in thread')],
      [PermissionFlagsBits.CreatePublicThreads, () => text.threads.create({ name: 'another' })],
      [PermissionFlagsBits.ManageWebhooks, () => text.createWebhook({ name: 'mirror' })],
      [PermissionFlagsBits.AddReactions, () => msg.react('👍')],
    ];
    for (const [flag, act] of checks) {
      emu.setChannelPermissionOverwrites(textId, [emu.denyBot(guildId, flag)]);
      expect(await code(act())).toBe(50013);
      emu.setChannelPermissionOverwrites(textId, []);
      expect(await code(act())).toBe('ok');
    }
  });

  it('a channel the bot cannot view is Missing Access (50001)', async () => {
    const { emu, client, guildId, textId } = await setupFixture();
    emu.setChannelPermissionOverwrites(textId, [emu.denyBot(guildId, PermissionFlagsBits.ViewChannel)]);
    expect(await code(client.rest.get(Routes.channel(textId)))).toBe(50001);
    emu.setChannelPermissionOverwrites(textId, []);
    expect(await code(client.rest.get(Routes.channel(textId)))).toBe('ok');
  });

  it('unknown channel 10003, unknown message 10008, unknown webhook 10015', async () => {
    const { client, textId } = await setupFixture();
    const msg = (await client.rest.post(Routes.channelMessages(textId), { body: { content: 'x' } })) as { id: string };
    expect(await code(client.rest.post(Routes.channelMessages('1'), { body: { content: 'x' } }))).toBe(10003);
    expect(await code(client.rest.get(Routes.channelMessage(textId, '1')))).toBe(10008);
    expect(await code(client.rest.get(Routes.channelMessage(textId, msg.id)))).toBe('ok');
    const hook = (await client.rest.post(Routes.channelWebhooks(textId), { body: { name: 'mirror' } })) as { id: string; token: string };
    expect(await code(client.rest.post(Routes.webhook(hook.id, 'wrong-token'), { body: { content: 'x' }, auth: false }))).toBe(10015);
    expect(await code(client.rest.post(Routes.webhook(hook.id, hook.token), { body: { content: 'x' }, auth: false }))).toBe('ok');
  });

  it('an archived thread refuses posts (50083) until unarchived; a locked one needs Manage Threads', async () => {
    const { emu, client, guildId, textId } = await setupFixture();
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const thread = await text.threads.create({ name: 'essay' });
    await thread.setArchived(true);
    expect(await code(thread.send('late reply'))).toBe(50083);
    await thread.setArchived(false);
    expect(await code(thread.send('late reply'))).toBe('ok');
    await thread.setLocked(true);
    emu.setChannelPermissionOverwrites(textId, [emu.denyBot(guildId, PermissionFlagsBits.ManageThreads)]);
    expect(await code(thread.send('locked'))).toBe(160005);
    emu.setChannelPermissionOverwrites(textId, []);
    expect(await code(thread.send('locked'))).toBe('ok');
  });
});
