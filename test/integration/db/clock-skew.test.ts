import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimCourses, courseFence } from '../../../src/jobs/course-leases.js';
import type { Clock } from '../../../src/shared/clock.js';
import { defineEffect, type EffectHandler } from '../../../src/outbox/effect-handler.js';
import { enqueueEffect } from '../../../src/outbox/outbox-store.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { processContext, useTwoClients } from './two-bot-processes.js';

// Two bot processes on one database, each with its own client and its own clock. The second one's clock runs
// far ahead of the first's (a machine whose NTP broke): it must still not act on what the first one holds.
const LEASE_SECONDS = 60;
const TWO_LEASES_AHEAD = 2 * LEASE_SECONDS * 1_000;

const clients = useTwoClients();

function skewedClock(skewMs: number): Clock {
  return { now: () => new Date(Date.now() + skewMs) };
}

describe('processes whose clocks disagree', () => {
  it('keeps a course with the live process that holds it when another process’s clock runs two leases ahead', async () => {
    const { testDb, secondDb } = clients;
    const courseId = await createCourse(testDb.db, { blogUrl: 'http://127.0.0.1:9', username: 'bot', appPassword: 'x', ingestSince: new Date() });
    const honest = processContext(testDb.db, 'honest', skewedClock(0), { leaseSeconds: LEASE_SECONDS });
    const ahead = processContext(secondDb, 'ahead', skewedClock(TWO_LEASES_AHEAD), { leaseSeconds: LEASE_SECONDS });
    const held = await claimCourses(honest);
    expect(held.map((c) => c.courseId)).toEqual([courseId]);

    expect(await claimCourses(ahead)).toEqual([]);
    // The holder's effects still pass its fence: nobody took the course from it.
    await testDb.db.$transaction((tx) => courseFence(honest, courseId, held[0]!.lease)(tx));
  });

  it('runs an effect once when a process whose clock runs a day ahead drains while another process is in its call', async () => {
    const { testDb, secondDb } = clients;
    const ran: string[] = [];
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const firstEntered = new Promise<void>((resolve) => (entered = resolve));
    const slowProbe = defineEffect({
      kind: 'test.slow_probe',
      payload: z.object({ label: z.string() }),
      async run(_ctx, { label }) {
        calls += 1;
        if (calls === 1) {
          entered();
          await gate;
        }
        ran.push(label);
        return {};
      },
    });
    const handlers = new Map<string, EffectHandler>([[slowProbe.kind, slowProbe]]);
    await enqueueEffect(testDb.db, { courseId: null, kind: slowProbe.kind, dedupeKey: 'once', orderKey: 'K', payload: { label: 'once' } }, new Date());

    const honest = syncContext(testDb.db, new MemoryChat(), skewedClock(0));
    const ahead = syncContext(secondDb, new MemoryChat(), skewedClock(24 * 3_600_000));
    const first = drainOutbox(honest, handlers, { claimMs: LEASE_SECONDS * 1_000 });
    await firstEntered;
    await drainOutbox(ahead, handlers, { claimMs: LEASE_SECONDS * 1_000 });
    release();
    await first;
    expect(ran).toEqual(['once']);
  });
});
