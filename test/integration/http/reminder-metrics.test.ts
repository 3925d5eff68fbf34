import { describe, expect, it } from 'vitest';
import { createBotMetrics } from '../../../src/http/metrics-registry.js';
import { reminderSweepJob } from '../../../src/jobs/reminder-sweep-job.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { RecordingChat } from '../../support/recording-chat.js';
import { sweepJobContext, useFourStudentRound } from '../reminders/sweep-job-scene.js';
import { readMetrics } from './scrape.js';

// A review round of four students, the 24-hour stage comes: the reminders counter shows as many as the
// students received, by stage and channel, and a second sweep (nothing new to send) adds none.

const round = useFourStudentRound();

describe('reminder metrics', () => {
  it('counts each reminder a student received, by stage and channel, once', async () => {
    const metrics = createBotMetrics();
    const clock = new ManualClock(new Date('2026-03-19T16:00:00Z')); // the 24 h stage
    const chat = new RecordingChat(() => clock.now());
    const ctx = sweepJobContext(round.db, 'p', clock, chat, { metrics: metrics.counting });
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
