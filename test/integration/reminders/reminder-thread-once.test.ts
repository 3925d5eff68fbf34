// The reminder thread is opened exactly once even when the bot dies between Discord creating it and
// the database recording it: the next try finds it by the marker line of its starter and adopts it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setReminderMode } from '../../../src/reminders/preview-reminders.js';
import { REMINDER_THREAD_NAME } from '../../../src/reminders/reminder-thread.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { discordIdOf, seedConfirmedRound } from '../reviews/course-fixture.js';

let t: TestDb;
let courseId: string;
const due = new Date('2026-03-20T16:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  courseId = await seedConfirmedRound(t.db, { students: 3, dueAt: due, course: { reminderThreadId: null } });
});
afterEach(() => t.close());

describe('the reminder thread across a crash', () => {
  it('a thread opened just before the bot died is adopted by the retry, and the student is reminded there once', async () => {
    await setReminderMode(t.db, { courseId, discordUserId: discordIdOf(1), mode: 'channel' });
    const clock = new ManualClock(new Date('2026-03-19T16:00:00Z')); // the 24 h stage
    const chat = new MemoryChat();
    chat.crashAfter('createEssayThread');
    const deps = { db: t.db, chat, clock, log: silentLogger() };

    expect(await runReminderSweep(deps, courseId)).toMatchObject({ sent: 2, deferred: 1 });
    const opened = chat.threads.filter((th) => th.title === REMINDER_THREAD_NAME);
    expect(opened).toHaveLength(1);
    expect(chat.channelMessages).toEqual([]);

    clock.advance(11 * 60_000); // the interrupted reminder is stale: the next sweep retries it
    expect(await runReminderSweep(deps, courseId)).toMatchObject({ retried: 1 });
    expect(chat.threads.filter((th) => th.title === REMINDER_THREAD_NAME).map((th) => th.id)).toEqual([opened[0]!.id]);
    expect(chat.channelMessages).toEqual([{ channelId: opened[0]!.id, content: expect.stringContaining(`<@${discordIdOf(1)}>`) }]);
  });
});
