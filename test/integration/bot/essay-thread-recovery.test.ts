import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/shared/clock.js';
import { ChatError, type ChatPort } from '../../../src/ports/chat-port.js';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date());
  world = await startBotWorld({ clock });
});
afterEach(() => world?.close());

/** The real Discord adapter, except that the process "dies" right after its first forum post is created. */
function killedAfterFirstForumPost(chat: ChatPort): ChatPort {
  let killed = false;
  return new Proxy(chat, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'createEssayThread') return value.bind(target);
      return async (...args: Parameters<ChatPort['createEssayThread']>) => {
        const ref = await chat.createEssayThread(...args);
        if (!killed) {
          killed = true;
          throw new ChatError('unavailable', 'the process was killed before it recorded the thread');
        }
        return ref;
      };
    },
  });
}

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
