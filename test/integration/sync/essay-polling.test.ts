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

// The blog's clock is the bot's clock plus `blogSkewMs`: a blog whose clock runs ahead is a positive skew.
let blogSkewMs = 0;
let testDb: TestDb;
let wp: WordPressFake;
let chat: MemoryChat;
let clock: ManualClock;
let ctx: SyncDeps;
let courseId: string;

const MINUTE = 60_000;
const body = (n: string) => `<p>Essay ${n} — on the “thaw” and what came after.</p>`;
const gmt = (d: Date) => d.toISOString().slice(0, 19);
const titles = () => chat.threads.map((t) => t.title).sort();

async function tick(): Promise<void> {
  await pollCourseEssays(ctx, courseId);
  await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
}

beforeEach(async () => {
  blogSkewMs = 0;
  testDb = await createTestDb();
  clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  wp = await startWordPressFake({ timezone: 'America/Chicago', now: () => new Date(clock.now().getTime() + blogSkewMs) });
  chat = new MemoryChat();
  ctx = syncContext(testDb.db, chat, clock);
  courseId = await createCourse(testDb.db, {
    blogUrl: wp.url,
    username: wp.users.bot.login,
    appPassword: wp.users.bot.appPassword,
    ingestSince: new Date(clock.now().getTime() - MINUTE),
  });
});

afterEach(async () => {
  await wp.close();
  await testDb.close();
});

describe('the essay cursor never runs ahead of the bot’s clock', () => {
  it('a scheduled essay does not hide essays published before its date, and gets its thread when its time comes', async () => {
    await wp.as('student1').publishPost({ title: 'Published today', content: body('1') });
    const scheduled = await wp
      .as('student2')
      .publishPost({ title: 'Scheduled for Friday', content: body('2'), date_gmt: gmt(new Date(clock.now().getTime() + 3 * 24 * 60 * MINUTE)) });
    expect(scheduled.status).toBe('future');
    await tick();
    expect(titles()).toEqual(['Published today']);

    clock.advance(60 * MINUTE);
    await wp.as('student1').publishPost({ title: 'Published an hour later', content: body('3') });
    await tick();
    expect(titles()).toEqual(['Published an hour later', 'Published today']);

    clock.advance(3 * 24 * 60 * MINUTE); // Friday: WP-Cron publishes the scheduled post
    await tick();
    expect(titles()).toEqual(['Published an hour later', 'Published today', 'Scheduled for Friday']);
  });

  it('a blog whose clock ran two hours ahead does not hide the essays published after its clock is corrected', async () => {
    blogSkewMs = 120 * MINUTE;
    await wp.as('student1').publishPost({ title: 'Dated two hours ahead', content: body('1') });
    await tick();
    expect(titles()).toEqual(['Dated two hours ahead']);

    blogSkewMs = 0; // the blog's administrator fixes its clock
    clock.advance(10 * MINUTE);
    await wp.as('student2').publishPost({ title: 'Dated correctly', content: body('2') });
    await tick();
    expect(titles()).toEqual(['Dated correctly', 'Dated two hours ahead']);
  });
});

describe('a caching proxy in front of the blog', () => {
  it('a 304 on the essay listing still lets an edit and an unpublish of older essays through', async () => {
    const edited = await wp.as('student1').publishPost({ title: 'First draft of a title', content: body('1') });
    const withdrawn = await wp.as('student2').publishPost({ title: 'Soon withdrawn', content: body('2') });
    clock.advance(30 * MINUTE);
    await wp.as('student1').publishPost({ title: 'The newest essay', content: body('3') });
    await tick();
    clock.advance(5 * MINUTE);
    await tick(); // nothing new: the proxy's validators for the recent listing are stored
    expect(titles()).toEqual(['First draft of a title', 'Soon withdrawn', 'The newest essay']);

    clock.advance(5 * MINUTE);
    await wp.as('student1').updatePost(edited.id, { title: 'A better title' });
    await wp.as('student2').unpublishPost(withdrawn.id);
    const before = wp.requests.length;
    await tick();
    // The premise: the listing of recent essays did answer 304 in this tick.
    expect(wp.requests.slice(before).some((r) => r.path.endsWith('/wp/v2/posts') && r.status === 304)).toBe(true);
    expect(titles()).toEqual(['A better title', 'The newest essay', '[removed] Soon withdrawn']);
    expect(chat.threads.find((t) => t.title === '[removed] Soon withdrawn')!.locked).toBe(true);
  });
});

describe('two polls of one course at once (the sync job and /sync now in one process)', () => {
  it('both finish, and each essay is recorded once and gets one thread', async () => {
    for (const n of ['1', '2', '3', '4', '5']) await wp.as('student1').publishPost({ title: `Essay ${n}`, content: body(n) });
    const results = await Promise.allSettled([pollCourseEssays(ctx, courseId), pollCourseEssays(ctx, courseId), pollCourseEssays(ctx, courseId)]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
    expect(titles()).toEqual(['Essay 1', 'Essay 2', 'Essay 3', 'Essay 4', 'Essay 5']);
    expect(await testDb.db.essay.count()).toBe(5);
  });
});
