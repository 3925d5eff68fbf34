// The outbox's failures: a permanent one is dead-lettered after the attempt limit and revived by /sync retry
// (reconciling with a try that had reached the other side), a transient one retried until its deadline.
import { beforeEach, describe, expect, it } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { reviveDeadEffects } from '../../../src/outbox/outbox-store.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { clock, enqueue, handlers, probe, ran, testDb, useOutboxProbe } from './outbox-probe.js';

// Set by a test: every run of the probe then fails with it.
let failWith: Error | null;

useOutboxProbe({ failWith: () => failWith });
beforeEach(() => {
  failWith = null;
});

describe('outbox', () => {
  it('dead-letters a permanent failure after the attempt limit, and /sync retry revives it', async () => {
    const courseId = await createCourse(testDb.db, { blogUrl: 'http://127.0.0.1:9', username: 'bot', appPassword: 'x', ingestSince: clock.now() });
    await enqueue('x', 'X', courseId);
    const ctx = syncContext(testDb.db, new MemoryChat(), clock);
    failWith = new BlogError('rejected', 'invalid parent');
    for (let i = 0; i < 3; i += 1) {
      await drainOutbox(ctx, handlers, { maxAttempts: 3 });
      clock.advance(3_600_000);
    }
    expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('dead');
    failWith = null;
    await drainOutbox(ctx, handlers);
    expect(ran).toEqual([]); // dead letters are not retried by themselves
    expect(await reviveDeadEffects(testDb.db, { courseId, now: clock.now() })).toBe(1);
    await drainOutbox(ctx, handlers);
    expect(ran).toEqual(['x']);
  });

  it('keeps retrying a transient failure through a long outage and gives up only after the deadline', async () => {
    await enqueue('y', 'Y');
    const ctx = syncContext(testDb.db, new MemoryChat(), clock);
    failWith = new BlogError('unavailable', 'connection refused');
    for (let i = 0; i < 20; i += 1) {
      await drainOutbox(ctx, handlers, { maxAttempts: 3, transientDeadlineMs: 48 * 3_600_000 });
      clock.advance(2 * 3_600_000);
    }
    const row = await testDb.db.outboxItem.findFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBeGreaterThan(3);
    clock.advance(10 * 3_600_000);
    await drainOutbox(ctx, handlers, { maxAttempts: 3, transientDeadlineMs: 48 * 3_600_000 });
    expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('dead');
  });

  it('reconciles a dead letter revived by /sync retry when an earlier try had reached the other side', async () => {
    const courseId = await createCourse(testDb.db, { blogUrl: 'http://127.0.0.1:9', username: 'bot', appPassword: 'x', ingestSince: clock.now() });
    await enqueue('essay-reply', 'R', courseId);
    // The other side: what it holds, and whether it answers. A try above the first looks before it writes.
    const remote: string[] = [];
    let stage: 'stored_then_error' | 'refusing' | 'healthy' = 'stored_then_error';
    const realRun = probe.run;
    probe.run = async (_c, { label }, attempt) => {
      if (stage === 'refusing') throw new BlogError('rejected', 'the blog refuses every request');
      if (attempt > 1 && remote.includes(label)) return { result: { adopted: true } };
      remote.push(label);
      if (stage === 'stored_then_error') {
        stage = 'refusing';
        throw new BlogError('rejected', 'stored, then answered with an error');
      }
      return { result: { label } };
    };
    try {
      const ctx = syncContext(testDb.db, new MemoryChat(), clock);
      for (let i = 0; i < 3; i += 1) {
        await drainOutbox(ctx, handlers, { maxAttempts: 3 });
        clock.advance(3_600_000);
      }
      expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('dead');
      stage = 'healthy';
      expect(await reviveDeadEffects(testDb.db, { courseId, now: clock.now() })).toBe(1);
      await drainOutbox(ctx, handlers, { maxAttempts: 3 });
    } finally {
      probe.run = realRun;
    }
    expect(remote).toEqual(['essay-reply']);
    expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('done');
  });
});
