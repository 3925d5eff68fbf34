import { describe, expect, it } from 'vitest';
import { acquireLease } from '../../../src/db/leases.js';
import { courseSyncJob } from '../../../src/jobs/course-sync-job.js';
import type { Context } from '../../../src/context.js';
import { syncContext } from '../../support/course-fixture.js';
import { SyncWorld, useWorld } from './sync-world.js';

const w = useWorld(new SyncWorld());

/** One bot process: its own lease owner, sharing the database, the blog and Discord with the others. */
function processContext(owner: string): Context {
  const base = syncContext(w.testDb.db, w.chat, w.clock);
  return { ...base, owner, config: { leaseSeconds: 60 }, kickOutbox: () => undefined } as unknown as Context;
}

describe('the course lease fences the poll’s own writes', () => {
  it('a process that lost the course in the middle of its poll records nothing; the new owner opens the one thread', async () => {
    await w.wp.as('student1').publishPost({ title: 'Written while the lease changed hands', content: '<p>Once — not twice.</p>' });
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
          w.clock.advance(61_000);
          expect(await acquireLease(w.testDb.db, { name: `course:${w.courseId}`, owner: b.owner, ttlMs: 60_000, now: w.clock.now() })).not.toBeNull();
          return page;
        },
      };
    };
    const summaryA = await courseSyncJob().tick(a, 'poll_all_now');
    expect(summaryA).toContain('0 failed'); // a lost lease is not a failure of the course
    expect(await w.testDb.db.essay.count()).toBe(0);
    expect(await w.testDb.db.outboxItem.count()).toBe(0);
    expect(w.chat.threads).toHaveLength(0);

    await courseSyncJob().tick(b, 'poll_all_now');
    expect(w.chat.threads.map((t) => t.title)).toEqual(['Written while the lease changed hands']);
  });
});
