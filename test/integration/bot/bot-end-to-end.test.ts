import { describe, expect, it } from 'vitest';
import { essayThreadsIn } from '../../support/bot-world.js';
import { useBotWorld, world } from '../../support/use-bot-world.js';

// One world for both tests: the second sets the course up in the world the refused /course setup left.
useBotWorld({ scope: 'whole file' });

describe('the real bot against the Discord emulator and the WordPress fake', () => {
  it('refuses /course setup to a student and changes nothing', async () => {
    const ix = world.emu.as(world.studentIds[0]).runSlashCommand({
      guildId: world.guildId,
      channelId: world.staffChannelId,
      name: 'course',
      subcommand: 'setup',
      options: { name: 'x', channel: world.forumId, blog_kind: 'feed', blog_url: 'http://127.0.0.1:9/feed', staff_role: world.staffRoleId, time_zone: 'UTC' },
    });
    const reply = await ix.response(10_000);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Only server managers');
    expect(await world.testDb.db.course.count()).toBe(0);
  });

  it('sets a course up, turns an essay into a forum post, and mirrors both ways', async () => {
    await world.setupCourse();
    const course = await world.testDb.db.course.findFirstOrThrow({ include: { secret: true } });
    expect(course.channelId).toBe(world.forumId);
    expect(course.secret?.ciphertext).not.toContain(world.wp.users.bot.appPassword);

    const post = await world.wp
      .as('student1')
      .publishPost({ title: 'Destination De-Stalinization — a “Thaw”?', content: '<p>The reforms—some of them—mattered.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    expect(thread.name).toBe('Destination De-Stalinization — a “Thaw”?');
    const starter = world.emu.messagesIn(thread.id)[0]!;
    expect(starter.content).toContain(post.link);
    expect(starter.pinged.everyone).toBe(false);

    // A student replies in the thread: the comment reaches the blog post.
    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: 'I’d push back — the “silence” says more.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    const onBlog = world.wp.state.comments.filter((c) => c.postId === post.id);
    expect(onBlog).toHaveLength(1);
    expect(onBlog[0]!.content).toContain('I’d push back — the “silence” says more.');

    // A reader comments on the blog: the comment appears in the thread through the webhook.
    await world.wp.as('student2').comment(post.id, '<p>Agreed — well argued.</p>');
    await world.bot.syncNow();
    const mirrored = world.emu.messagesIn(thread.id).filter((m) => m.webhook_id);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.content).toContain('Agreed — well argued.');
    expect(mirrored[0]!.author.username).toBe('Bob Student');

    // The bot's own webhook message is never mirrored back (no loop).
    await world.bot.syncNow();
    expect(world.wp.state.comments.filter((c) => c.postId === post.id)).toHaveLength(2);
  });
});
