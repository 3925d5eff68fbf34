// Issue 12 item 11: a reply a student keeps in Discord is never written to the blog, yet still completes
// their peer review (and counts in participation). Driven as people drive it: roster import, essays on
// the blog, /reviews assign + Confirm, /privacy discord-only, a reply (and an edit) in the thread, /status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { assignAndConfirm, enrolClass, inDays, runAs, type ClassStudent } from './class-of-students.js';

let world: BotWorld;
let reviewer: ClassStudent;
let author: ClassStudent;

beforeEach(async () => {
  world = await startBotWorld();
  await world.setupCourse();
  // Two students: each is assigned the other's essay.
  [reviewer, author] = (await enrolClass(world, 2)) as [ClassStudent, ClassStudent];
  await assignAndConfirm(world, { name: 'Week 1', due: inDays(5), reviews: 1 });
});
afterEach(() => world?.close());

/** Staff look at what reminders would go out: this brings review completion up to date, as every sweep does. */
const staffPreviewReminders = () => runAs(world, world.instructorId, 'reminders', 'preview');

const statusOf = (userId: string) =>
  world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'status' }).response(30_000);

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

async function replyInAuthorsThread(content: string) {
  const thread = essayThreadsIn(world, world.forumId).find((t) => t.name === author.essayTitle)!;
  const before = await world.testDb.db.comment.count();
  const message = world.emu.as(reviewer.discordId).postMessage(thread.id, { content });
  await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === before + 1, 5_000, 'reply recorded');
  return { thread, message };
}

const blogCommentsOnAuthorsEssay = () => {
  const post = world.wp.state.posts.find((p) => p.title === author.essayTitle)!;
  return world.wp.state.comments.filter((c) => c.postId === post.id);
};

describe('a Discord-only reply', () => {
  it('completes the student’s review without ever reaching the blog', async () => {
    await runAs(world, reviewer.discordId, 'privacy', 'discord-only', { enabled: true });
    await replyInAuthorsThread(`My review, kept in Discord: ${words(40)}`);
    await world.bot.syncNow();
    expect(blogCommentsOnAuthorsEssay()).toEqual([]);
    await staffPreviewReminders();
    const status = await statusOf(reviewer.discordId);
    expect(status.content).toContain(`✅ done — “${author.essayTitle}”`);
    expect(status.content).toMatch(/1 comment\(s\) on classmates’ essays \(1 in Discord, 0 on the blog\)/);
  });

  it('an edit that makes it long enough completes the review, and leaves nothing stuck on its way to the blog', async () => {
    await runAs(world, reviewer.discordId, 'privacy', 'discord-only', { enabled: true });
    const { thread, message } = await replyInAuthorsThread('Too short for a review.');
    await world.bot.syncNow();
    world.emu.as(reviewer.discordId).editMessage(thread.id, message.id, `Now a proper review: ${words(40)}`);
    await world.emu.waitFor(
      async () => ((await world.testDb.db.comment.findFirst({ select: { wordCount: true } }))?.wordCount ?? 0) > 40,
      5_000,
      'edit recorded',
    );
    await world.bot.syncNow();
    expect(blogCommentsOnAuthorsEssay()).toEqual([]);
    expect(await world.testDb.db.outboxItem.count({ where: { status: { notIn: ['done'] } } })).toBe(0);
    await staffPreviewReminders();
    expect((await statusOf(reviewer.discordId)).content).toContain(`✅ done — “${author.essayTitle}”`);
  });
});
