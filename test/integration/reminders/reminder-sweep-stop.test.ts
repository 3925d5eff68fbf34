// SIGTERM while the reminder sweep is sending: the sweep stops between students, each student has either a
// whole reminder (sent and recorded) or none, and the next run sends the rest. Real discord.js against the
// Discord emulator.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { discordIdOf } from '../reviews/course-fixture.js';
import { courseWithWeek3, startReminderWorld, type ReminderWorld } from './reminder-world.js';

let world: ReminderWorld;
beforeEach(async () => (world = await startReminderWorld({ students: 4 })));
afterEach(() => world.close());

it('a shutdown during the reminder sweep stops it between students; nobody gets half a reminder and the next run reminds the rest once', async () => {
  const { emu, t } = world;
  const courseId = await courseWithWeek3(t.db, 4);
  const clock = new ManualClock(new Date('2026-03-10T16:00:00Z'));
  const chat = world.chat;
  const students = [1, 2, 3, 4];
  const before = students.map((n) => emu.dmsTo(discordIdOf(n)).length);
  const reminded = () => students.map((n, i) => emu.dmsTo(discordIdOf(n)).length - before[i]!);

  // SIGTERM arrives right after the first student's reminder went out.
  const shutdown = new AbortController();
  const first = await runReminderSweep({ db: t.db, chat, clock, log: silentLogger(), stop: shutdown.signal, onReminder: () => shutdown.abort() }, courseId);
  expect(first.sent).toBe(1);
  expect(reminded().reduce((a, b) => a + b, 0)).toBe(1);
  // Nothing half-done is left behind: no reminder recorded but unsent.
  expect(await t.db.reminder.count({ where: { courseId, status: 'pending' } })).toBe(0);

  // The next run (the process that takes over) reminds the other three, and nobody twice.
  clock.advance(5 * 60_000);
  const next = await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  expect(next.sent).toBe(3);
  expect(reminded()).toEqual([1, 1, 1, 1]);
}, 60_000);
