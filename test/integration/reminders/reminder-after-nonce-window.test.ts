// A reminder whose sending was interrupted right after Discord accepted it (the process died before recording
// it) is retried by a later sweep once the intent is stale (10 minutes): by then Discord's nonce window
// (a few minutes; the emulator enforces 5) has closed, so the nonce alone no longer stops a second copy.
// The student must still read ONE reminder, by DM or in the course's reminder thread. Real discord.js against
// the Discord emulator, whose clock is the test's fake clock, so Discord's time moves with the bot's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { setReminderMode } from '../../../src/reminders/preview-reminders.js';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { discordIdOf, ESSAY_CHANNEL } from '../reviews/course-fixture.js';
import { courseWithWeek3, dyingOnReminderRecord, startReminderWorld, type ReminderWorld } from './reminder-world.js';

/** The emulator's nonce window (message-input.ts): the retry comes well after it. */
const NONCE_WINDOW_MS = 5 * 60_000;

let world: ReminderWorld;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  world = await startReminderWorld({ students: 2, now: () => clock.now().getTime(), channels: [{ id: ESSAY_CHANNEL, name: 'essays', type: 'forum' }] });
});
afterEach(() => world.close());

/** Two students review each other's essay, due in 47 hours: the 48 h stage is due for both. */
const courseWithRound = () => courseWithWeek3(world.t.db, 2, { reminderStages: '48', reminderThreadId: null });
const dyingAfterFirstSend = (db: Db) => dyingOnReminderRecord(db, 'process killed before recording the reminder');

/** What each student reads: reminders by DM, and mentions of them in the reminder thread. */
function seenBy(n: number): string[] {
  const { emu } = world;
  const thread = emu.findThreadByName('Review reminders', ESSAY_CHANNEL);
  const inThread = thread ? emu.messagesIn(thread.id).filter((m) => m.content.includes(`<@${discordIdOf(n)}>`)) : [];
  return [...emu.dmsTo(discordIdOf(n)), ...inThread].filter((m) => m.content.includes('Week 3')).map((m) => m.content);
}

describe('a reminder retried after Discord’s nonce window', () => {
  it('a student whose reminder DM went out just before the bot died gets one DM, not two, when the sweep retries it 11 minutes later', async () => {
    const { t, chat } = world;
    const courseId = await courseWithRound();
    await expect(runReminderSweep({ db: dyingAfterFirstSend(t.db), chat, clock, log: silentLogger() }, courseId)).rejects.toThrow('process killed');
    expect([seenBy(1).length, seenBy(2).length].sort()).toEqual([0, 1]); // one student got the DM, then the process died

    clock.advance(STALE_PENDING_MS + 60_000);
    expect(STALE_PENDING_MS + 60_000).toBeGreaterThan(NONCE_WINDOW_MS);
    await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
    await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);

    expect(seenBy(1)).toHaveLength(1);
    expect(seenBy(2)).toHaveLength(1);
    expect(await t.db.reminder.count({ where: { courseId, status: 'sent' } })).toBe(2);
  }, 60_000);

  it('a student reminded in the course’s reminder thread is mentioned there once when the interrupted reminder is retried after the nonce window', async () => {
    const { emu, t, chat } = world;
    const courseId = await courseWithRound();
    for (const n of [1, 2]) await setReminderMode(t.db, { courseId, discordUserId: discordIdOf(n), mode: 'channel' });
    await expect(runReminderSweep({ db: dyingAfterFirstSend(t.db), chat, clock, log: silentLogger() }, courseId)).rejects.toThrow('process killed');
    expect([seenBy(1).length, seenBy(2).length].sort()).toEqual([0, 1]);

    clock.advance(STALE_PENDING_MS + 60_000);
    await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
    await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);

    expect(seenBy(1)).toHaveLength(1);
    expect(seenBy(2)).toHaveLength(1);
    expect(emu.dmsTo(discordIdOf(1))).toHaveLength(0);
    expect(await t.db.reminder.count({ where: { courseId, status: 'sent' } })).toBe(2);
  }, 60_000);
});
