// A reminder DM whose sending was interrupted after Discord accepted it (the process died before recording
// it) is sent again by a later sweep. Inside Discord's nonce window that retry must return the first DM, not
// post a second one: the student reads one reminder. Real discord.js against the Discord emulator, which
// enforces nonces as Discord does (enforce_nonce, same author, same channel, within minutes).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { discordIdOf } from '../reviews/course-fixture.js';
import { courseWithWeek3, dyingOnReminderRecord, startReminderWorld, type ReminderWorld } from './reminder-world.js';

let world: ReminderWorld;
beforeEach(async () => (world = await startReminderWorld({ students: 2 })));
afterEach(() => world.close());

it('a reminder DM retried after the process died between Discord’s answer and the record reaches the student once', async () => {
  const { emu, t, chat } = world;
  const courseId = await courseWithWeek3(t.db, 2);
  const clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  const remindersTo = (n: number) => emu.dmsTo(discordIdOf(n)).filter((m) => m.content.includes('Week 3') || m.content.toLowerCase().includes('remind'));
  const before = [1, 2].map((n) => remindersTo(n).length);

  await expect(
    runReminderSweep({ db: dyingOnReminderRecord(t.db, 'process killed before recording the reminder'), chat, clock, log: silentLogger() }, courseId),
  ).rejects.toThrow('process killed');
  const afterCrash = [1, 2].map((n) => remindersTo(n).length - before[n - 1]!);
  expect(afterCrash.sort()).toEqual([0, 1]); // one student got the DM, then the process died

  // A later sweep (as the scheduler would run it) finds the reminder still pending and sends it again.
  clock.advance(STALE_PENDING_MS + 60_000);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  expect([1, 2].map((n) => remindersTo(n).length - before[n - 1]!)).toEqual([1, 1]);
  expect(await t.db.reminder.count({ where: { courseId, status: 'sent' } })).toBe(2);
}, 60_000);
