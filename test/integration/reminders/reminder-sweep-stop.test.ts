// SIGTERM while the reminder sweep is sending: the sweep stops between students, each student has either a
// whole reminder (sent and recorded) or none, and the next run sends the rest. Real discord.js against the
// Discord emulator.
import type { Client } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { connectClient } from '../../support/connect-client.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, GUILD, seedStudents } from '../reviews/course-fixture.js';

let emu: DiscordEmulator;
let client: Client<true>;
let t: TestDb;

beforeEach(async () => {
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000 });
  emu.createGuild({ id: GUILD, name: 'HIST 214' });
  for (let n = 1; n <= 4; n++) {
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

it('a shutdown during the reminder sweep stops it between students; nobody gets half a reminder and the next run reminds the rest once', async () => {
  const courseId = await createCourse(t.db, { reminderStages: '48' });
  await seedStudents(t.db, courseId, 4, { publishedAt: new Date('2026-03-01T12:00:00Z') });
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
  const clock = new ManualClock(new Date('2026-03-10T16:00:00Z'));
  const chat = new DiscordChat(client);
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
