// The emulator's forum posts and messages as discord.js sees them: a starter message sharing its thread's id,
// enforce_nonce, replies in unseen threads reaching messageCreate, uploaded bytes served back, and pings.
import { afterEach, describe, expect, it } from 'vitest';
import type { ForumChannel, TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

describe('forum posts and messages', () => {
  it('creates a forum post whose starter message shares the thread id', async () => {
    const { emu, client, forumId } = await setupFixture();
    const forum = (await client.channels.fetch(forumId)) as ForumChannel;
    const tag = forum.availableTags[0]!.id;
    const thread = await forum.threads.create({
      name: 'Essay: On Walls',
      message: { content: 'New essay by Alice', allowedMentions: { parse: [] } },
      appliedTags: [tag],
    });
    expect(emu.threadsIn(forumId).map((t) => t.name)).toEqual(['Essay: On Walls']);
    expect(emu.findThreadByName('Essay: On Walls')?.applied_tags).toEqual([tag]);
    const [starter] = emu.messagesIn(thread.id);
    expect(starter?.id).toBe(thread.id);
    expect(starter?.content).toBe('New essay by Alice');
    expect(starter?.allowed_mentions).toEqual({ parse: [] });
  });

  it('returns the first message for a repeated nonce with enforce_nonce, and only then', async () => {
    const { emu, client, textId } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    const a = await channel.send({ content: 'reminder', nonce: 'essay-42-r1', enforceNonce: true });
    const b = await channel.send({ content: 'reminder', nonce: 'essay-42-r1', enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(emu.messagesIn(textId)).toHaveLength(1);
    await channel.send({ content: 'reminder', nonce: 'essay-42-r1' }); // no enforce_nonce: Discord creates another
    expect(emu.messagesIn(textId)).toHaveLength(2);
  });

  it("passes a person's reply in a thread the client has not seen to messageCreate", async () => {
    const { emu, client, forumId, alice } = await setupFixture();
    const thread = emu.createThread(forumId, { name: 'Old essay', ownerId: alice, archived: true });
    client.channels.cache.delete(thread.id); // as after a restart: archived threads are not in GUILD_CREATE
    const seen = new Promise<string>((resolve) => client.on('messageCreate', (m) => resolve(`${m.channelId}:${m.content}`)));
    emu.as(alice).postMessage(thread.id, { content: 'I disagree — politely.' });
    expect(await seen).toBe(`${thread.id}:I disagree — politely.`);
    expect(emu.state.channels.get(thread.id)?.thread_metadata?.archived).toBe(false);
  });

  it('keeps uploaded bytes and serves them back', async () => {
    const { emu, client, textId } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    const bytes = Buffer.from('name,comments\nalice,3\n');
    const sent = await channel.send({ content: 'report', files: [{ attachment: bytes, name: 'report.csv' }] });
    const stored = emu.messagesIn(textId)[0]!.attachments[0]!;
    expect(stored.filename).toBe('report.csv');
    expect(stored.data?.equals(bytes)).toBe(true);
    const downloaded = Buffer.from(await (await fetch(sent.attachments.first()!.url)).arrayBuffer());
    expect(downloaded.equals(bytes)).toBe(true);
  });

  it('records who would be pinged, honouring allowed_mentions', async () => {
    const { emu, client, textId, alice } = await setupFixture();
    const channel = (await client.channels.fetch(textId)) as TextChannel;
    await channel.send({ content: `<@${alice}> please review`, allowedMentions: { parse: [] } });
    await channel.send({ content: `<@${alice}> please review` });
    await channel.send({ content: `@everyone <@${alice}>`, allowedMentions: { users: [alice] } });
    const [silent, loud, onlyAlice] = emu.messagesIn(textId);
    expect(silent!.pinged).toEqual({ users: [], roles: [], everyone: false });
    expect(loud!.pinged.users).toEqual([alice]);
    expect(onlyAlice!.pinged).toEqual({ users: [alice], roles: [], everyone: false });
  });
});
