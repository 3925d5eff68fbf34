import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordAPIError, type ForumChannel, type TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

describe("webhooks (blog comments mirrored under the commenter's name)", () => {
  it('executes into a thread with wait=true, then edits and deletes by thread_id', async () => {
    const { emu, client, forumId } = await setupFixture();
    const forum = (await client.channels.fetch(forumId)) as ForumChannel;
    const post = await forum.threads.create({ name: 'Essay', message: { content: 'New essay' } });
    const hook = await forum.createWebhook({ name: 'blog-mirror' });
    const sent = await hook.send({ content: 'Lovely “curly” quotes — and dashes', username: 'Dana (blog)', threadId: post.id, allowedMentions: { parse: [] } });
    const stored = emu.messagesIn(post.id).find((m) => m.id === sent.id)!;
    expect(stored).toMatchObject({ webhook_id: hook.id, content: 'Lovely “curly” quotes — and dashes', author: { username: 'Dana (blog)' } });
    expect(emu.state.requests.find((r) => r.route === '/webhooks/{webhook_id}/{webhook_token}')?.query).toMatchObject({ wait: 'true', thread_id: post.id });
    await hook.editMessage(sent.id, { content: 'edited', threadId: post.id });
    expect(emu.messagesIn(post.id).find((m) => m.id === sent.id)?.content).toBe('edited');
    await hook.deleteMessage(sent.id, post.id);
    expect(emu.messagesIn(post.id).some((m) => m.id === sent.id)).toBe(false);
  });

  it('a forum needs thread_id or thread_name (220001); thread_name makes a post', async () => {
    const { emu, client, forumId } = await setupFixture();
    const forum = (await client.channels.fetch(forumId)) as ForumChannel;
    const hook = await forum.createWebhook({ name: 'blog-mirror' });
    const err = await hook.send({ content: 'x' }).catch((e: unknown) => e);
    expect((err as DiscordAPIError).code).toBe(220001);
    const sent = await hook.send({ content: 'x', threadName: 'From the blog' });
    expect(emu.findThreadByName('From the blog', forumId)?.id).toBe(sent.channelId);
  });

  it('refuses to post into an archived thread (50083) until it is unarchived', async () => {
    const { emu, client, textId } = await setupFixture();
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const thread = await text.threads.create({ name: 'old' });
    const hook = await text.createWebhook({ name: 'blog-mirror' });
    emu.setThreadState(thread.id, { archived: true });
    const err = await hook.send({ content: 'late comment', threadId: thread.id }).catch((e: unknown) => e);
    expect((err as DiscordAPIError).code).toBe(50083);
    await thread.setArchived(false);
    await expect(hook.send({ content: 'late comment', threadId: thread.id })).resolves.toBeDefined();
  });
});
