import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { alertLongBlogOutage } from '../../../src/sync/course-alerts.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../../src/context.js';
import { BlogError } from '../../../src/ports/blog-source.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let testDb: TestDb;
let wp: WordPressFake;
let chat: MemoryChat;
let clock: ManualClock;
let ctx: SyncDeps;
let courseId: string;
const staffChannelId = '900000000000000099';

async function pollIgnoringOutage(): Promise<void> {
  await pollCourseEssays(ctx, courseId).catch((error: unknown) => {
    if (!(error instanceof BlogError)) throw error;
  });
  await alertLongBlogOutage(ctx, courseId);
}

beforeEach(async () => {
  testDb = await createTestDb();
  wp = await startWordPressFake();
  chat = new MemoryChat();
  clock = new ManualClock(new Date());
  ctx = syncContext(testDb.db, chat, clock);
  courseId = await createCourse(testDb.db, {
    blogUrl: wp.url,
    username: wp.users.bot.login,
    appPassword: wp.users.bot.appPassword,
    ingestSince: new Date(Date.now() - 60_000),
  });
  await testDb.db.course.update({ where: { id: courseId }, data: { staffChannelId } });
});
afterEach(async () => {
  await wp.close();
  await testDb.close();
});

describe('staff alerts', () => {
  it('tells staff once when the blog is down for more than 15 minutes, and once when it is back', async () => {
    await wp.goDown();
    for (let minute = 0; minute <= 40; minute += 2) {
      await pollIgnoringOutage();
      clock.advance(2 * 60_000);
    }
    const outage = chat.channelMessages.filter((m) => m.content.includes('has not answered'));
    expect(outage).toHaveLength(1);
    expect(outage[0]!.channelId).toBe(staffChannelId);
    await wp.comeUp();
    await pollIgnoringOutage();
    await pollIgnoringOutage();
    expect(chat.channelMessages.filter((m) => m.content.includes('answers again'))).toHaveLength(1);
    expect((await testDb.db.course.findUniqueOrThrow({ where: { id: courseId } })).blogFailingSince).toBeNull();
  });

  it('says nothing for a short outage', async () => {
    await wp.goDown();
    await pollIgnoringOutage();
    clock.advance(5 * 60_000);
    await pollIgnoringOutage();
    await wp.comeUp();
    await pollIgnoringOutage();
    expect(chat.channelMessages).toHaveLength(0);
  });

  it('flags the course and tells staff once when a permission is missing; the thread waits instead of failing', async () => {
    chat.missing = ['Manage Threads'];
    await wp.as('student1').publishPost({ title: 'Waiting essay', content: '<p>x</p>' });
    await pollCourseEssays(ctx, courseId);
    for (let i = 0; i < 12; i += 1) {
      await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
      clock.advance(60 * 60_000);
    }
    const course = await testDb.db.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(course.status).toBe('flagged');
    expect(course.flaggedReason).toContain('Manage Threads');
    expect(chat.channelMessages.filter((m) => m.content.includes('needs attention'))).toHaveLength(1);
    expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('pending');
    chat.missing = [];
    await testDb.db.course.update({ where: { id: courseId }, data: { status: 'active', flaggedReason: null } });
    await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
    expect(chat.threads).toHaveLength(1);
  });
});
