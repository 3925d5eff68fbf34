// Shared by the outbox tests (outbox-order and outbox-failures): a probe effect that records the label of
// each run in `ran`, `enqueue` to record one (the clock ticks a millisecond after each, so each is newer),
// and a fresh database and clock before each test, exported as live bindings.
import { afterEach, beforeEach } from 'vitest';
import { z } from 'zod';
import { defineEffect, type EffectHandler } from '../../../src/outbox/effect-handler.js';
import { enqueueEffect } from '../../../src/outbox/outbox-store.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

export let testDb: TestDb;
export let clock: ManualClock;
export let ran: string[];
let failure: () => Error | null = () => null;

export const probe = defineEffect({
  kind: 'test.probe',
  payload: z.object({ label: z.string() }),
  async run(_ctx, { label }) {
    const failWith = failure();
    if (failWith) throw failWith;
    ran.push(label);
    return { result: { label } };
  },
});
export const handlers = new Map<string, EffectHandler>([[probe.kind, probe]]);

export async function enqueue(label: string, orderKey: string, courseId: string | null = null, waitsFor: string[] = []): Promise<void> {
  await enqueueEffect(testDb.db, { courseId, kind: probe.kind, dedupeKey: label, orderKey, waitsFor, payload: { label } }, clock.now());
  clock.advance(1);
}

/**
 * Call once at the top of a test file. `failWith`, when given, is asked on every run of the probe: an error
 * it returns is thrown instead of running.
 */
export function useOutboxProbe(options: { failWith?: () => Error | null } = {}): void {
  beforeEach(async () => {
    testDb = await createTestDb();
    clock = new ManualClock(new Date('2026-10-01T12:00:00Z'));
    ran = [];
    failure = options.failWith ?? (() => null);
  });
  afterEach(() => testDb.close());
}
