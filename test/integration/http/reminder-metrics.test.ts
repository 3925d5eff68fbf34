import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBotMetrics } from '../../../src/http/metrics-registry.js';
import type { Context } from '../../../src/context.js';
import { reminderSweepJob } from '../../../src/jobs/reminder-sweep-job.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { RecordingChat } from '../../support/recording-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { seedConfirmedRound } from '../reviews/course-fixture.js';
import { readMetrics } from './scrape.js';

// A review round of four students, the 24-hour stage comes: the reminders counter shows as many as the
// students received, by stage and channel, and a second sweep (nothing new to send) adds none.

let t: TestDb;
const due = new Date('2026-03-20T16:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  await seedConfirmedRound(t.db, { students: 4, dueAt: due });
});
afterEach(() => t.close());

describe('reminder metrics', () => {
  it('counts each reminder a student received, by stage and channel, once', async () => {
    const metrics = createBotMetrics();
    const clock = new ManualClock(new Date('2026-03-19T16:00:00Z')); // the 24 h stage
    const chat = new RecordingChat(() => clock.now());
    const ctx = {
      db: t.db,
      chat,
      clock,
      log: silentLogger(),
      owner: 'p',
      config: { leaseSeconds: 60 },
      blogFor: async () => {
        throw new Error('unused');
      },
      kickOutbox: () => undefined,
      metrics: metrics.counting,
    } as unknown as Context;
    const job = reminderSweepJob();
    await job.run(ctx);
    clock.advance(5 * 60_000);
    await job.run(ctx);

    const m = readMetrics(await metrics.registry.metrics());
    expect(chat.dms.length).toBe(4);
    expect(m.get('coursethreads_reminders_sent_total', { stage: 'before_24h', channel: 'dm' })).toBe(chat.dms.length);
    expect(m.sum('coursethreads_reminders_sent_total')).toBe(chat.dms.length);
  });
});
