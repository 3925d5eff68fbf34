// The outbox's order and exactly-once guarantees: effects run oldest first per order key (whatever the
// recording process's clock), a failing effect holds back only what comes after it or waits for it, and
// drainers racing over the same outbox, or past a claim, run each effect once.
import { describe, expect, it } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { enqueueEffect } from '../../../src/outbox/outbox-store.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { clock, enqueue, handlers, probe, ran, testDb, useOutboxProbe } from './outbox-probe.js';

useOutboxProbe();

describe('outbox', () => {
  it('runs effects oldest first per order key, and recording an intent twice is harmless', async () => {
    await enqueue('a1', 'A');
    await enqueue('b1', 'B');
    await enqueue('a2', 'A');
    await enqueue('a1', 'A');
    await drainOutbox(syncContext(testDb.db, new MemoryChat(), clock), handlers);
    expect(ran).toEqual(['a1', 'b1', 'a2']);
  });

  it("runs a thread's effects in the order they were recorded when the second was recorded by a process whose clock is behind", async () => {
    await enqueue('create', 'T');
    // Another process, its clock three minutes behind, records the next effect of the same thread.
    await enqueueEffect(
      testDb.db,
      { courseId: null, kind: probe.kind, dedupeKey: 'edit', orderKey: 'T', payload: { label: 'edit' } },
      new Date(clock.now().getTime() - 180_000),
    );
    await drainOutbox(syncContext(testDb.db, new MemoryChat(), clock), handlers);
    expect(ran).toEqual(['create', 'edit']);
  });

  it('runs each effect once when two drainers race over the same outbox (two jobs, /sync now, two processes)', async () => {
    for (let i = 0; i < 12; i += 1) await enqueue(`e${i}`, `K${i % 4}`);
    const slowRun = probe.run;
    probe.run = async (c, p, attempt) => {
      await new Promise((r) => setTimeout(r, 5)); // a real call takes time: the race window
      return slowRun(c, p, attempt);
    };
    try {
      const ctx = syncContext(testDb.db, new MemoryChat(), clock);
      for (let round = 0; round < 6 && ran.length < 12; round += 1) {
        await Promise.all([drainOutbox(ctx, handlers), drainOutbox(ctx, handlers)]);
        clock.advance(5 * 60_000); // past any claim the other drainer still holds
      }
    } finally {
      probe.run = slowRun;
    }
    expect([...ran].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `e${i}`).sort());
    // And in order within each thread.
    for (let k = 0; k < 4; k += 1) {
      const inThread = ran.filter((label) => Number(label.slice(1)) % 4 === k);
      expect(inThread).toEqual([...inThread].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    }
  });

  it('holds later effects of a thread behind a failing one, and lets other threads go on', async () => {
    await enqueue('a1', 'A');
    await enqueue('a2', 'A');
    await enqueue('b1', 'B');
    const ctx = syncContext(testDb.db, new MemoryChat(), clock);
    const realRun = probe.run;
    probe.run = async (c, p, attempt) => (p.label === 'a1' ? Promise.reject(new BlogError('unavailable', 'down')) : realRun(c, p, attempt));
    await drainOutbox(ctx, handlers);
    expect(ran).toEqual(['b1']);
    probe.run = realRun;
    clock.advance(3_600_000);
    await drainOutbox(ctx, handlers);
    expect(ran).toEqual(['b1', 'a1', 'a2']);
  });

  it('runs an effect once when its call outlasts the claim and another drainer comes by meanwhile', async () => {
    await enqueue('slow', 'S');
    const realRun = probe.run;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const firstEntered = new Promise<void>((resolve) => (entered = resolve));
    let calls = 0;
    // The first call hangs like a call queued behind a rate limit; any later call would go straight through.
    probe.run = async (c, p, attempt) => {
      calls += 1;
      if (calls === 1) {
        entered();
        await gate;
      }
      return realRun(c, p, attempt);
    };
    try {
      const ctx = syncContext(testDb.db, new MemoryChat(), clock);
      const first = drainOutbox(ctx, handlers, { claimMs: 300 });
      await firstEntered;
      // The call is now slower than the claim, by the process's clock and by the database's.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      clock.advance(10 * 60_000);
      await drainOutbox(ctx, handlers, { claimMs: 300 });
      release();
      await first;
    } finally {
      probe.run = realRun;
    }
    expect(ran).toEqual(['slow']);
    expect((await testDb.db.outboxItem.findFirstOrThrow()).status).toBe('done');
  });

  it('lets a later effect of another order key pass one waiting for its retry, but holds what waits for it', async () => {
    await enqueue('parent', 'comment:1');
    await enqueue('unrelated', 'comment:2');
    await enqueue('reply', 'comment:3', null, ['parent']);
    const ctx = syncContext(testDb.db, new MemoryChat(), clock);
    const realRun = probe.run;
    probe.run = async (c, p, attempt) =>
      p.label === 'parent' && attempt === 1 ? Promise.reject(new BlogError('unavailable', 'down')) : realRun(c, p, attempt);
    try {
      await drainOutbox(ctx, handlers);
      expect(ran).toEqual(['unrelated']);
      clock.advance(3_600_000);
      await drainOutbox(ctx, handlers);
    } finally {
      probe.run = realRun;
    }
    expect(ran).toEqual(['unrelated', 'parent', 'reply']);
  });
});
