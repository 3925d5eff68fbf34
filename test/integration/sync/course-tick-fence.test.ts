import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease } from '../../../src/db/leases.js';
import { courseSyncJob } from '../../../src/jobs/course-sync-job.js';
import type { Context } from '../../../src/context.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let testDb: TestDb;
let wp: WordPressFake;
let chat: MemoryChat;
let clock: ManualClock;
let courseId: string;

/** One bot process: its own lease owner, sharing the database, the blog and Discord with the others. */
function processContext(owner: string): Context {
  const base = syncContext(testDb.db, chat, clock);
  return { ...base, owner, config: { leaseSeconds: 60 }, kickOutbox: () => undefined } as unknown as Context;
}

beforeEach(async () => {
  testDb = await createTestDb();
  wp = await startWordPressFake();
  chat = new MemoryChat();
  clock = new ManualClock(new Date());
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

describe('the course lease fences the poll’s own writes', () => {
  it('a process that lost the course in the middle of its poll records nothing; the new owner opens the one thread', async () => {
    await wp.as('student1').publishPost({ title: 'Written while the lease changed hands', content: '<p>Once — not twice.</p>' });
    const a = processContext('host-a:1:aaaaaa');
    const b = processContext('host-b:2:bbbbbb');
    // Process A stalls while reading the blog (a long GC pause): its lease lapses and B takes the course.
    const blogForA = a.blogFor;
    a.blogFor = async (id) => {
      const blog = await blogForA(id);
      return {
        ...blog,
        listEssays: async (query) => {
          const page = await blog.listEssays(query);
          clock.advance(61_000);
          expect(await acquireLease(testDb.db, { name: `course:${courseId}`, owner: b.owner, ttlMs: 60_000, now: clock.now() })).not.toBeNull();
          return page;
        },
      };
    };
    const summaryA = await courseSyncJob().tick(a, 'poll_all_now');
    expect(summaryA).toContain('0 failed'); // a lost lease is not a failure of the course
    expect(await testDb.db.essay.count()).toBe(0);
    expect(await testDb.db.outboxItem.count()).toBe(0);
    expect(chat.threads).toHaveLength(0);

    await courseSyncJob().tick(b, 'poll_all_now');
    expect(chat.threads.map((t) => t.title)).toEqual(['Written while the lease changed hands']);
  });
});
