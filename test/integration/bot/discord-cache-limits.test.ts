// Issue 14 item 2: the bot keeps in memory only what it reads. A busy thread's messages and thread memberships
// are not hoarded by discord.js all semester (by default it keeps 200 messages per channel), while replies still
// reach the blog under the student's name and edits and deletions still follow. The real bot against the Discord emulator and the
// WordPress fake; replies are posted the way students post them.
import { describe, expect, it } from 'vitest';
import { postId, syncUntil, threadId, useEssayThreadWorld, world } from '../../support/use-bot-world.js';

useEssayThreadWorld('A busy thread');

const blogComments = () => world.wp.state.comments.filter((c) => c.postId === postId && c.status === 'approved');

describe('discord.js caches limited to what the bot reads', () => {
  it('after a busy discussion the bot holds none of its messages, yet every reply, edit and deletion reached the blog', async () => {
    const [alice, bob] = world.studentIds;
    const posted = [];
    for (let i = 1; i <= 12; i++) posted.push(world.emu.as(i % 2 ? alice : bob).postMessage(threadId, { content: `Reply number ${i}.` }));
    await syncUntil(() => blogComments().length === 12, 'twelve comments on the blog');
    // Comments carry the name students have in the server (read from the member the message event brings).
    const names = new Set(blogComments().map((c) => c.authorName));
    expect(names).toEqual(new Set(['Alice Student', 'Bob Student']));
    world.emu.as(bob).editMessage(threadId, posted[1]!.id, 'Reply number 2, reconsidered.');
    world.emu.as(alice).deleteMessage(threadId, posted[0]!.id);
    await syncUntil(
      () => blogComments().length === 11 && blogComments().some((c) => c.content.includes('reconsidered')),
      'the edit and the deletion on the blog',
    );

    const client = world.bot.client;
    const thread = client.channels.cache.get(threadId);
    // The thread itself stays known (a message in an unknown thread would be dropped by discord.js) ...
    expect(thread?.isThread()).toBe(true);
    // ... but not its messages, nor its members (the bot never reads either back from memory).
    expect(thread?.isThread() && thread.messages.cache.size).toBe(0);
    expect(thread?.isThread() && thread.members.cache.size).toBe(0);
  });
});
