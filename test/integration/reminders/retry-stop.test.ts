// SIGTERM while the sweep is retrying interrupted reminders: the retries stop between students as the
// first sends do (reminder-sweep-stop.test.ts), nobody gets a reminder twice, and the next run sends the rest.
// Real discord.js against the Discord emulator; Discord answers 503 during the first sweep, so every
// reminder is left pending and becomes a retry.
import type { Client } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { connectClient } from '../../support/connect-client.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, GUILD, seedStudents } from '../reviews/course-fixture.js';

const STUDENTS = [1, 2, 3, 4];
/** discord.js sends once and retries a 5xx three times before it gives up: 4 requests per DM. */
const ATTEMPTS_PER_DM = 4;

let emu: DiscordEmulator;
let client: Client<true>;
let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000, now: () => clock.now().getTime() });
  emu.createGuild({ id: GUILD, name: 'HIST 214' });
  for (const n of STUDENTS) {
    emu.createUser({ id: discordIdOf(n), username: `student${n}` });
    emu.addMember(GUILD, discordIdOf(n));
  }
  client = await connectClient(emu);
  t = await createTestDb();
});
afterEach(async () => {
  await client.destroy();
  await emu.close();
  await t.close();
});

it('a shutdown while interrupted reminders are retried stops between students; the next run reminds the rest, each once', async () => {
  const courseId = await createCourse(t.db, { reminderStages: '48' });
  await seedStudents(t.db, courseId, STUDENTS.length, { publishedAt: new Date('2026-03-01T12:00:00Z') });
  const start = new Date('2026-03-10T12:00:00Z');
  const p = await previewRound(t.db, {
    courseId,
    actorUserId: '1',
    name: 'Week 3',
    dueAt: new Date('2026-03-12T15:00:00Z'),
    k: 1,
    mode: 'assigned',
    filter: {},
    now: start,
  });
  await confirmRound(t.db, p.pendingId, { userId: '1', guildId: GUILD }, start);
  const chat = new DiscordChat(client);
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
