// SIGTERM while the sweep is retrying interrupted reminders: the retries stop between students as the
// first sends do (reminder-sweep-stop.test.ts), nobody gets a reminder twice, and the next run sends the rest.
// Real discord.js against the Discord emulator; Discord answers 503 during the first sweep, so every
// reminder is left pending and becomes a retry.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { discordIdOf } from '../reviews/course-fixture.js';
import { courseWithWeek3, startReminderWorld, type ReminderWorld } from './reminder-world.js';

const STUDENTS = [1, 2, 3, 4];
/** discord.js sends once and retries a 5xx three times before it gives up: 4 requests per DM. */
const ATTEMPTS_PER_DM = 4;

let world: ReminderWorld;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  world = await startReminderWorld({ students: STUDENTS.length, now: () => clock.now().getTime() });
});
afterEach(() => world.close());

it('a shutdown while interrupted reminders are retried stops between students; the next run reminds the rest, each once', async () => {
  const { emu, t, chat } = world;
  const courseId = await courseWithWeek3(t.db, STUDENTS.length);
  const reminded = () => STUDENTS.map((n) => emu.dmsTo(discordIdOf(n)).filter((m) => m.content.includes('Week 3')).length);

  emu.failNext({ method: 'POST', routeMatch: /\/channels\/\d+\/messages$/, status: 503, times: STUDENTS.length * ATTEMPTS_PER_DM });
  expect(await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId)).toMatchObject({ sent: 0, deferred: 4 });
  expect(reminded()).toEqual([0, 0, 0, 0]);

  // SIGTERM arrives right after the first retried reminder went out.
  clock.advance(STALE_PENDING_MS + 60_000);
  const shutdown = new AbortController();
  const stopped = await runReminderSweep({ db: t.db, chat, clock, log: silentLogger(), stop: shutdown.signal, onReminder: () => shutdown.abort() }, courseId);
  expect(stopped.stopped).toBe(true);
  expect(reminded().reduce((a, b) => a + b, 0)).toBe(1);

  clock.advance(STALE_PENDING_MS + 60_000);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  expect(reminded()).toEqual([1, 1, 1, 1]);
}, 90_000);
