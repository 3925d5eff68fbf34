import { describe, expect, it } from 'vitest';
import { reminderSweepJob } from '../../../src/jobs/reminder-sweep-job.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { RecordingChat } from '../../support/recording-chat.js';
import { sweepJobContext, useFourStudentRound } from './sweep-job-scene.js';

const round = useFourStudentRound();
const ctxFor = (owner: string, clock: ManualClock, chat: RecordingChat) => sweepJobContext(round.db, owner, clock, chat);

describe('reminder-sweep job', () => {
  it('runs every 5 minutes and only the process holding the course lease sends', async () => {
    const job = reminderSweepJob();
    expect(job.schedule).toBe('0 */5 * * * *');
    const clock = new ManualClock(new Date('2026-03-19T16:00:00Z')); // the 24 h stage
    const a = new RecordingChat(() => clock.now());
    const b = new RecordingChat(() => clock.now());
    expect(await job.run(ctxFor('process-a', clock, a))).toBe('1 course(s) swept, 4 reminder(s) sent, 0 failed');
    expect(await job.run(ctxFor('process-b', clock, b))).toBe('0 course(s) swept, 0 reminder(s) sent, 0 failed');
    clock.advance(5 * 60_000);
    expect(await job.run(ctxFor('process-a', clock, a))).toBe('1 course(s) swept, 0 reminder(s) sent, 0 failed');
    expect(a.dms).toHaveLength(4);
    expect(b.dms).toHaveLength(0);
  });
});
