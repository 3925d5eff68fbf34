import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../../src/context.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

// Written for these tests in the style of real course-blog essays: curly quotes, em dashes, long paragraphs.
const essayHtml = (n: number) =>
  `<p>Despite the “excesses” of the era, essay ${n} argues that some reforms—the release of prisoners above all—mattered.</p>\n` +
  `<p>As one historian notes, the “silence” that followed was itself a verdict; it’s hard to read it otherwise.</p>`;

let testDb: TestDb;
let wp: WordPressFake;
let chat: MemoryChat;
let clock: ManualClock;
let ctx: SyncDeps;
let courseId: string;

async function tick(): Promise<void> {
  await pollCourseEssays(ctx, courseId);
  await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
}

beforeEach(async () => {
  testDb = await createTestDb();
  wp = await startWordPressFake({ timezone: 'America/Chicago' });
  chat = new MemoryChat();
  clock = new ManualClock(new Date());
  ctx = syncContext(testDb.db, chat, clock);
  courseId = await createCourse(testDb.db, {
    blogUrl: wp.url,
    username: wp.users.bot.login,
    appPassword: wp.users.bot.appPassword,
    ingestSince: new Date(Date.now() - 60_000),
  });
});

afterEach(async () => {
  await wp.close();
  await testDb.close();
});

describe('essays become threads', () => {
  it('publishes 3 essays as 3 threads with title, author, excerpt and link, style intact', async () => {
    const posts = [];
    for (const n of [1, 2, 3]) posts.push(await wp.as('student1').publishPost({ title: `Destination ${n}: “Reform” — and After`, content: essayHtml(n) }));
    await tick();
    expect(chat.threads).toHaveLength(3);
    for (const [i, post] of posts.entries()) {
      const thread = chat.threads.find((t) => t.messages[0]!.content.includes(post.link))!;
      expect(thread.title).toBe(`Destination ${i + 1}: “Reform” — and After`);
      const starter = thread.messages[0]!;
      expect(starter.content).toContain('Alice Student');
      expect(starter.embed?.url).toBe(post.link);
      expect(starter.embed?.description).toContain('the “silence” that followed was itself a verdict; it’s hard');
      expect(starter.embed?.description).toContain('reforms—the release');
    }
    const essays = await testDb.db.essay.findMany({ select: { threadState: true, threadId: true } });
    expect(essays.every((e) => e.threadState === 'created' && e.threadId)).toBe(true);
  });

  it('stays at 3 threads after a second run and after a restart with a new context', async () => {
    for (const n of [1, 2, 3]) await wp.as('student1').publishPost({ title: `Essay ${n}`, content: essayHtml(n) });
    await tick();
    await tick();
    ctx = syncContext(testDb.db, chat, clock); // a restarted process: new caches, same database
    await tick();
    expect(chat.threads).toHaveLength(3);
    expect(await testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
  });

  it('reconciles a crash between the Discord call and the database write instead of creating a second thread', async () => {
    for (const n of [1, 2, 3]) await wp.as('student1').publishPost({ title: `Essay ${n}`, content: essayHtml(n) });
    chat.crashAfter('createEssayThread', 2);
    await tick();
    expect(chat.threads).toHaveLength(3); // the calls happened, two results were never recorded
    expect(await testDb.db.essay.count({ where: { threadId: null } })).toBe(2);
    clock.advance(60 * 60_000); // past the retry backoff
    await tick();
    expect(chat.threads).toHaveLength(3);
    const essays = await testDb.db.essay.findMany({ select: { threadId: true } });
    expect(new Set(essays.map((e) => e.threadId)).size).toBe(3);
    expect(essays.every((e) => e.threadId)).toBe(true);
  });

  it('follows an edit (title and starter) and locks the thread when the essay is unpublished', async () => {
    const post = await wp.as('student1').publishPost({ title: 'First title', content: essayHtml(1) });
    await tick();
    await wp.as('student1').updatePost(post.id, { title: 'Second title', content: '<p>Rewritten—entirely.</p>' });
    await tick();
    const thread = chat.threads[0]!;
    expect(thread.title).toBe('Second title');
    expect(thread.messages[0]!.embed?.description).toContain('Rewritten—entirely.');
    await wp.as('student1').unpublishPost(post.id);
    await tick();
    expect(thread.locked).toBe(true);
    expect(thread.title).toBe('[removed] Second title');
    expect(thread.messages.at(-1)!.content).toContain('no longer published');
    expect(chat.threads).toHaveLength(1);
  });

  it('publishes nothing on the first run after setup when the blog already has 200 older posts', async () => {
    for (let n = 0; n < 200; n += 1) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      await wp.admin.publishPost({ title: `Old ${n}`, content: '<p>old</p>', date_gmt: `2026-03-${day}T10:00:00` });
    }
    await tick();
    expect(chat.threads).toHaveLength(0);
    expect(await testDb.db.essay.count()).toBe(0);
  });
});
