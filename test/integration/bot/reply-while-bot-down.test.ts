// Students keep writing while the bot restarts (a deploy, a crash). Discord replays missed events only to a
// session that resumes; a new process starts a new session, so the replies of the gap come with no event.
// They must still reach the blog, once.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
afterEach(() => world?.close());

/** A course with one essay published on the blog and its thread open in Discord. */
async function essayWithThread() {
  world = await startBotWorld();
  await world.setupCourse();
  const post = await world.wp.as('student1').publishPost({ title: 'On the thaw', content: '<p>Khrushchev’s speech.</p>' });
  await world.bot.syncNow();
  return { post, thread: essayThreadsIn(world, world.forumId)[0]! };
}

describe('replies written while the bot is down', () => {
  it('reach the blog after the restart, once each, beside the replies written after it', async () => {
    const { post, thread } = await essayWithThread();
    const [alice, bob] = world.studentIds;

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

  it('an edit and a deletion made while it is down reach the blog after the restart, and nothing else changes', async () => {
    const { post, thread } = await essayWithThread();
    const [alice, bob] = world.studentIds;
    const regretted = world.emu.as(alice).postMessage(thread.id, { content: 'A reply Alice will take back.' });
    const revised = world.emu.as(bob).postMessage(thread.id, { content: 'A first draft of a thought.' });
    world.emu.as(bob).postMessage(thread.id, { content: 'A reply nobody touches.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 3, 5_000, 'the three replies recorded');
    await world.bot.syncNow();
    const blogComment = (text: string) => world.wp.state.comments.find((c) => c.postId === post.id && c.content.includes(text));
    const regrettedOnBlog = blogComment('A reply Alice will take back.')!;
    expect(regrettedOnBlog.status).toBe('approved');

    await world.restartBot(async () => {
      world.emu.as(alice).deleteMessage(thread.id, regretted.id);
      world.emu.as(bob).editMessage(thread.id, revised.id, 'A better thought, revised while the bot was down.');
    });
    await world.emu.waitFor(
      async () => {
        await world.bot.syncNow();
        return regrettedOnBlog.status === 'trash' && Boolean(blogComment('A better thought, revised while the bot was down.'));
      },
      15_000,
      'the deletion and the edit on the blog',
    );
    expect(blogComment('A first draft of a thought.')).toBeUndefined();
    expect(blogComment('A reply nobody touches.')!.status).toBe('approved');
    expect(world.wp.state.comments.filter((c) => c.postId === post.id && c.status === 'approved')).toHaveLength(2);
  });

  it('trashes nothing when the bot can no longer read the threads back, and tells staff what is missing', async () => {
    const { post, thread } = await essayWithThread();
    const [alice] = world.studentIds;
    world.emu.as(alice).postMessage(thread.id, { content: 'A reply that must stay.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'the reply recorded');
    await world.bot.syncNow();

    // While the bot is down, someone takes Read Message History away: Discord then lists no message at all.
    await world.restartBot(async () => {
      world.emu.setChannelPermissionOverwrites(world.forumId, [world.emu.denyBot(world.guildId, PermissionFlagsBits.ReadMessageHistory)]);
    });
    const alerted = () => world.emu.messagesIn(world.staffChannelId).some((m) => m.content.includes('Read Message History'));
    await world.emu.waitFor(
      async () => {
        await world.bot.syncNow();
        return alerted();
      },
      15_000,
      'staff told of the missing permission',
    );
    const onBlog = world.wp.state.comments.filter((c) => c.postId === post.id);
    expect(onBlog.map((c) => [c.content.includes('A reply that must stay.'), c.status])).toEqual([[true, 'approved']]);
  });
});
