import { describe, expect, it } from 'vitest';
import { postId, syncUntil, threadId, useEssayThreadWorld, world } from '../../support/use-bot-world.js';

// The real bot (discord.js against the emulator, the WordPress fake over HTTP): a text edited back and forth
// ends, on the other side, as its author last left it. Edits are made the way people make them.
useEssayThreadWorld('Edits both ways');

const blogTexts = () => world.wp.state.comments.filter((c) => c.postId === postId && c.status === 'approved').map((c) => c.content);
const mirrorTexts = () =>
  world.emu
    .messagesIn(threadId)
    .filter((m) => m.webhook_id)
    .map((m) => m.content);

describe('edits made back and forth', () => {
  it('a student who edits a reply A → B → A → B in Discord leaves B on the blog', async () => {
    const [, bob] = world.studentIds;
    const reply = world.emu.as(bob).postMessage(threadId, { content: 'Reply, version A.' });
    await syncUntil(() => blogTexts().some((t) => t.includes('Reply, version A.')), 'the reply on the blog');
    for (const text of ['Reply, version B.', 'Reply, version A.', 'Reply, version B.']) {
      world.emu.as(bob).editMessage(threadId, reply.id, text);
      await syncUntil(() => blogTexts().length === 1 && blogTexts()[0]!.includes(text), `the blog showing “${text}”`);
    }
    expect(blogTexts()).toEqual([expect.stringContaining('Reply, version B.')]);
  });

  it('a blog comment edited A → B → A → B on the blog shows B in the thread', async () => {
    const created = await world.wp.as('student2').comment(postId, '<p>Blog comment, version A.</p>');
    const id = created.json.id as number;
    await syncUntil(() => mirrorTexts().some((t) => t.includes('Blog comment, version A.')), 'the comment in the thread');
    for (const text of ['Blog comment, version B.', 'Blog comment, version A.', 'Blog comment, version B.']) {
      await world.wp.admin.request('POST', `comments/${id}`, { body: { content: `<p>${text}</p>` } });
      await syncUntil(() => mirrorTexts().length === 1 && mirrorTexts()[0]!.includes(text), `the thread showing “${text}”`);
    }
    expect(mirrorTexts()).toEqual([expect.stringContaining('Blog comment, version B.')]);
  });
});
