import { describe, expect, it } from 'vitest';
import { essayThreadsIn } from '../../support/bot-world.js';
import { clock, useBotWorld, world } from '../../support/use-bot-world.js';

useBotWorld({ courseSetUp: true, onManualClock: true });

const isCommentCreate = (method: string, path: string) => method === 'POST' && /\/wp\/v2\/comments\/?$/.test(path);

describe('the order of replies in a thread', () => {
  it('a reply the blog failed to take does not hold back a classmate’s later reply, while a reply to it waits for it', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'Five-year plans', content: '<p>Targets and their costs.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    const [alice, bob] = world.studentIds;
    const onBlog = (text: string) => world.wp.state.comments.filter((c) => c.postId === post.id && c.content.includes(text));

    // Alice's reply meets a blog outage (both tries of its call); Bob's comes right after it.
    world.wp.faults.failNext(2, 503, isCommentCreate);
    const first = world.emu.as(alice).postMessage(thread.id, { content: 'Who set the targets?' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'first reply recorded');
    world.emu.as(bob).postMessage(thread.id, { content: 'The planners did, mostly.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 2, 5_000, 'second reply recorded');
    await world.bot.syncNow();
    expect(onBlog('Who set the targets?')).toHaveLength(0);
    expect(onBlog('The planners did, mostly.')).toHaveLength(1);

    // A reply to Alice's message waits until her comment is on the blog, then goes under it.
    world.emu.as(bob).postMessage(thread.id, { content: 'Replying to you, Alice.', replyToMessageId: first.id });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 3, 5_000, 'reply recorded');
    await world.bot.syncNow();
    expect(onBlog('Replying to you, Alice.')).toHaveLength(0);

    clock.advance(3_600_000); // past Alice's retry
    await world.bot.syncNow();
    const parent = onBlog('Who set the targets?');
    expect(parent).toHaveLength(1);
    const reply = onBlog('Replying to you, Alice.');
    expect(reply).toHaveLength(1);
    expect(reply[0]!.parentId).toBe(parent[0]!.id);
  }, 90_000);
});
