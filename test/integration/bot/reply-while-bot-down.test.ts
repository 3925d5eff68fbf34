// Students keep writing while the bot restarts (a deploy, a crash). Discord replays missed events only to a
// session that resumes; a new process starts a new session, so the replies of the gap come with no event.
// They must still reach the blog, once.
import { afterEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
afterEach(() => world?.close());

describe('replies written while the bot is down', () => {
  it('reach the blog after the restart, once each, beside the replies written after it', async () => {
    world = await startBotWorld();
    await world.setupCourse();
    const [alice, bob] = world.studentIds;
    const post = await world.wp.as('student1').publishPost({ title: 'On the thaw', content: '<p>Khrushchev’s speech.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;

    await world.restartBot(async () => {
      const first = world.emu.as(alice).postMessage(thread.id, { content: 'Written during the deploy.' });
      world.emu.as(bob).postMessage(thread.id, { content: 'Answering Alice, still during the deploy.', replyToMessageId: first.id });
    });
    world.emu.as(bob).postMessage(thread.id, { content: 'Written after the restart.' });

    const onBlog = (text: string) => world.wp.state.comments.filter((c) => c.postId === post.id && c.content.includes(text));
    const all = ['Written during the deploy.', 'Answering Alice, still during the deploy.', 'Written after the restart.'];
    await world.emu.waitFor(
      async () => {
        await world.bot.syncNow();
        return all.every((text) => onBlog(text).length > 0);
      },
      15_000,
      'every reply on the blog',
    );
    await world.bot.syncNow();
    for (const text of all) expect(onBlog(text)).toHaveLength(1);
    expect(world.wp.state.comments).toHaveLength(3);
    // Bob's answer is threaded under Alice's comment on the blog, as it is in Discord.
    expect(onBlog('Answering Alice, still during the deploy.')[0]!.parentId).toBe(onBlog('Written during the deploy.')[0]!.id);
  });
});
