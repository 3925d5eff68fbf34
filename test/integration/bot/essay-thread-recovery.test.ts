import { describe, expect, it } from 'vitest';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { essayThreadsIn } from '../../support/bot-world.js';
import { killedAfterFirstForumPost } from '../../support/dying-chat.js';
import { clock, useBotWorld, world } from '../../support/use-bot-world.js';

useBotWorld({ onManualClock: true });

describe('finding an essay thread again after a crash', () => {
  it('a retry for /archives/1 adopts its own thread, not the one of /archives/12', async () => {
    await world.setupCourse();
    world.wp.state.permalinks = 'numeric';
    const student = world.wp.as('student1');
    // Post 1 waits as a draft while posts 2..12 are written; 12 is published (and gets its thread) first.
    const first = await student.publishPost({ title: 'On the thaw', content: '<p>One — first.</p>', status: 'draft' });
    for (let n = 2; n <= 11; n += 1) await student.publishPost({ title: `Draft ${n}`, content: '<p>x</p>', status: 'draft' });
    const twelfth = await student.publishPost({ title: 'On the thaw', content: '<p>Twelve — later.</p>' });
    expect([first.id, twelfth.id]).toEqual([1, 12]);
    expect(twelfth.link).toMatch(/\/archives\/12$/);
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(1);

    await student.updatePost(first.id, { status: 'publish' });
    const courseId = (await world.testDb.db.course.findFirstOrThrow()).id;
    const dying = { ...world.bot.ctx, chat: killedAfterFirstForumPost(world.bot.ctx.chat) };
    await pollCourseEssays(dying, courseId);
    await drainOutbox(dying, effectHandlers, { courseIds: [courseId] });
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(2); // essay 1's forum post exists, unrecorded

    clock.advance(60 * 60_000); // past the retry's backoff
    await world.bot.syncNow();
    const threads = essayThreadsIn(world, world.forumId);
    expect(threads).toHaveLength(2);
    const starterLinks = (threadId: string) => world.emu.messagesIn(threadId)[0]!.content;
    const threadOf = (link: string) => threads.find((t) => starterLinks(t.id).split('\n').includes(`<${link}>`))!;
    const linkOfFirst = `${world.wp.url}/archives/1`;

    // A reader comments on essay 1: it must appear in essay 1's thread, and nothing in essay 12's.
    await world.wp.as('student2').comment(first.id, '<p>A comment on the first essay.</p>');
    await world.bot.syncNow();
    const mirrored = (threadId: string) => world.emu.messagesIn(threadId).filter((m) => m.webhook_id);
    expect(mirrored(threadOf(linkOfFirst).id)).toHaveLength(1);
    expect(mirrored(threadOf(twelfth.link).id)).toHaveLength(0);
  });
});

// A student can reply the moment Discord shows an essay's thread, but the bot knows the thread as the essay's
// only once it has recorded Discord's answer. When the process that created the thread dies before recording
// it, the reply's event finds no essay and is dropped; the retry adopts the thread and must still bring the
// reply to the blog (seen in the three-process test: "1 replies not on the blog").
describe('a reply written before the bot recorded its thread', () => {
  it('reaches the blog once the retry adopts the thread, and only once', async () => {
    await world.setupCourse();
    const [alice, bob] = world.studentIds;
    const settled = await world.wp.as('student1').publishPost({ title: 'On the thaw', content: '<p>Khrushchev’s speech.</p>' });
    await world.bot.syncNow();
    const settledThread = essayThreadsIn(world, world.forumId)[0]!;

    const late = await world.wp.as('student2').publishPost({ title: 'On the freeze', content: '<p>Brezhnev’s years.</p>' });
    const courseId = (await world.testDb.db.course.findFirstOrThrow()).id;
    const dying = { ...world.bot.ctx, chat: killedAfterFirstForumPost(world.bot.ctx.chat) };
    await pollCourseEssays(dying, courseId);
    await drainOutbox(dying, effectHandlers, { courseIds: [courseId] });
    const lateThread = essayThreadsIn(world, world.forumId).find((t) => t.name === 'On the freeze')!;
    expect(lateThread).toBeDefined(); // visible in Discord, unknown to the bot

    // Alice replies in the unrecorded thread, then Bob in the recorded one; once Bob's reply is recorded,
    // Alice's event has been handled too, and dropped.
    world.emu.as(alice).postMessage(lateThread.id, { content: 'The freeze began before 1968, I think.' });
    world.emu.as(bob).postMessage(settledThread.id, { content: 'The speech was secret only in name.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'the reply in the recorded thread');

    clock.advance(60 * 60_000); // past the retry's backoff
    await world.bot.syncNow();
    await world.bot.syncNow(); // a second pass reads nothing twice
    const onBlog = (postId: number, text: string) => world.wp.state.comments.filter((c) => c.postId === postId && c.content.includes(text));
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(2);
    expect(onBlog(late.id, 'The freeze began before 1968, I think.')).toHaveLength(1);
    expect(onBlog(settled.id, 'The speech was secret only in name.')).toHaveLength(1);
    expect(world.wp.state.comments).toHaveLength(2);
  });
});
