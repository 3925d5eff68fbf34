import { afterEach, beforeEach, expect, it } from 'vitest';
import { PRUNED_PAYLOAD, pruneDeliveredEffects } from '../../../src/privacy/prune-delivered-effects.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

it('drops delivered payloads after 7 days and keeps the row (its dedupeKey stops a repeat)', async () => {
  const now = new Date('2026-10-10T00:00:00Z');
  const item = (key: string, status: string, doneAt: Date | null) =>
    t.db.outboxItem.create({ data: { kind: 'blog.create_comment', dedupeKey: key, orderKey: 'e', payload: '{"html":"<p>words</p>"}', status, doneAt } });
  await item('old-done', 'done', new Date('2026-10-02T23:59:59Z'));
  await item('edge-done', 'done', new Date('2026-10-03T00:00:00Z'));
  await item('new-done', 'done', new Date('2026-10-05T00:00:00Z'));
  await item('pending', 'pending', null);
  await item('dead', 'dead', null);
  expect(await pruneDeliveredEffects(t.db, now)).toBe(2);
  const rows = Object.fromEntries((await t.db.outboxItem.findMany()).map((r) => [r.dedupeKey, r.payload]));
  expect(rows).toEqual({
    'old-done': PRUNED_PAYLOAD,
    'edge-done': PRUNED_PAYLOAD,
    'new-done': '{"html":"<p>words</p>"}',
    pending: '{"html":"<p>words</p>"}',
    dead: '{"html":"<p>words</p>"}',
  });
  expect(await pruneDeliveredEffects(t.db, now)).toBe(0);
});
