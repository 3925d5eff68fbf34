import { describe, expect, it } from 'vitest';
import { essayThreadsIn } from '../../support/bot-world.js';
import { setUpHist215InNewChannel } from './course-setup-command.js';
import { useBotWorld, world } from '../../support/use-bot-world.js';

useBotWorld();

describe('threads in real Discord shapes', () => {
  it('supports a text channel: starter message with a nonce, then a thread from it', async () => {
    const textChannelId = await setUpHist215InNewChannel(world, { name: 'essays-text', type: 'text' });
    const post = await world.wp.as('student1').publishPost({ title: 'In a text channel', content: '<p>Body — text.</p>' });
    await world.bot.syncNow();
    const starter = world.emu.messagesIn(textChannelId).filter((m) => !m.content.startsWith('⏰ **Review reminders'))[0]!;
    expect(starter.content).toContain(post.link);
    expect(starter.nonce).toBeTruthy();
    const thread = essayThreadsIn(world, textChannelId)[0]!;
    expect(thread.id).toBe(starter.id); // a thread started from the message
    expect(thread.name).toBe('In a text channel');
  });

  it('shows the featured image, and unarchives its own thread to post a blog comment', async () => {
    await world.setupCourse();
    const media = world.wp.addMedia('https://blog.example.test/uploads/gulag-map.jpg');
    const post = await world.wp.as('student1').publishPost({ title: 'With a picture', content: '<p>See the map.</p>', featured_media: media });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    const embed = world.emu.messagesIn(thread.id)[0]!.embeds[0] as { image?: { url: string } };
    expect(embed.image?.url).toBe('https://blog.example.test/uploads/gulag-map.jpg');
    world.emu.setThreadState(thread.id, { archived: true });
    await world.wp.as('student2').comment(post.id, '<p>Late comment on an archived thread.</p>');
    await world.bot.syncNow();
    expect(world.emu.messagesIn(thread.id).filter((m) => m.webhook_id)).toHaveLength(1);
  });

  it('a re-published essay unlocks its thread, and blog comments and Discord replies mirror again', async () => {
    await world.setupCourse();
    const post = await world.wp.as('student1').publishPost({ title: 'Withdrawn for a day', content: '<p>First version — “thaw”.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    await world.wp.as('student1').unpublishPost(post.id);
    await world.bot.syncNow();
    expect(thread.thread_metadata!.locked).toBe(true);
    expect(thread.name).toBe('[removed] Withdrawn for a day');

    await world.wp.as('student1').restorePost(post.id);
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(1);
    expect(thread.thread_metadata!.locked).toBe(false);
    expect(thread.name).toBe('Withdrawn for a day');
    expect(world.emu.messagesIn(thread.id).at(-1)!.content).toContain('published again');

    await world.wp.as('student2').comment(post.id, '<p>Glad it is back — the “thaw” holds.</p>');
    await world.bot.syncNow();
    expect(
      world.emu
        .messagesIn(thread.id)
        .filter((m) => m.webhook_id)
        .map((m) => m.content)
        .join('\n'),
    ).toContain('Glad it is back — the “thaw” holds.');

    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: 'Replying after the re-publish — welcome back.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count({ where: { origin: 'discord' } })) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    expect(
      world.wp.state.comments
        .filter((c) => c.postId === post.id)
        .map((c) => c.content)
        .join('\n'),
    ).toContain('Replying after the re-publish — welcome back.');
  });

  it('marks a held reply with ⏳ and clears it when a moderator approves it on the blog', async () => {
    await world.setupCourse();
    // The bot writes with a role that may not moderate (an author): WordPress holds new commenters.
    const course = await world.testDb.db.course.findFirstOrThrow();
    const { SecretBox } = await import('../../../src/privacy/secret-box.js');
    const { testSecretKeys } = await import('../../support/course-fixture.js');
    const sealed = new SecretBox(testSecretKeys).seal(
      JSON.stringify({ kind: 'application_password', username: world.wp.users.student2.login, password: world.wp.users.student2.appPassword }),
      course.id,
    );
    await world.testDb.db.blogSecret.update({ where: { courseId: course.id }, data: sealed });
    world.wp.state.commentPreviouslyApproved = true;
    const post = await world.wp.as('student1').publishPost({ title: 'Moderated', content: '<p>x</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    const message = world.emu.as(world.studentIds[0]).postMessage(thread.id, { content: 'A first comment from a new author.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    await world.bot.syncNow();
    const held = world.wp.state.comments.find((c) => c.postId === post.id)!;
    expect(held.status).toBe('hold');
    expect(world.emu.state.messages.get(thread.id)!.find((m) => m.id === message.id)!.reactors['⏳']).toEqual([world.emu.botUserId]);
    await world.wp.admin.moderateComment(held.id, 'approved');
    await world.bot.syncNow();
    expect(world.emu.state.messages.get(thread.id)!.find((m) => m.id === message.id)!.reactors['⏳'] ?? []).toEqual([]);
  });
});
