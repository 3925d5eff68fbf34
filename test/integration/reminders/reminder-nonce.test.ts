// A reminder DM whose sending was interrupted after Discord accepted it (the process died before recording
// it) is sent again by a later sweep. Inside Discord's nonce window that retry must return the first DM, not
// post a second one: the student reads one reminder. Real discord.js against the Discord emulator, which
// enforces nonces as Discord does (enforce_nonce, same author, same channel, within minutes).
import type { Client } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
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
  for (const n of [1, 2]) {
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

/** The database as the dying process saw it: the first record of a sent reminder never happens. */
function dyingAfterFirstSend(db: Db): Db {
  let died = false;
  const reminder = new Proxy(db.reminder, {
    get(target, prop, receiver) {
      if (prop === 'update' && !died) {
        return () => {
          died = true;
          return Promise.reject(new Error('process killed before recording the reminder'));
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return new Proxy(db, { get: (target, prop, receiver) => (prop === 'reminder' ? reminder : (Reflect.get(target, prop, receiver) as unknown)) });
}

it('a reminder DM retried after the process died between Discord’s answer and the record reaches the student once', async () => {
  const courseId = await createCourse(t.db, { reminderStages: '48' });
  await seedStudents(t.db, courseId, 2, { publishedAt: new Date('2026-03-01T12:00:00Z') });
  const start = new Date('2026-03-10T12:00:00Z');
  const dueAt = new Date('2026-03-12T15:00:00Z');
  const p = await previewRound(t.db, { courseId, actorUserId: '1', name: 'Week 3', dueAt, k: 1, mode: 'assigned', filter: {}, now: start });
  await confirmRound(t.db, p.pendingId, { userId: '1', guildId: GUILD }, start);
  const clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  const chat = new DiscordChat(client);
  const remindersTo = (n: number) => emu.dmsTo(discordIdOf(n)).filter((m) => m.content.includes('Week 3') || m.content.toLowerCase().includes('remind'));
  const before = [1, 2].map((n) => remindersTo(n).length);

  await expect(runReminderSweep({ db: dyingAfterFirstSend(t.db), chat, clock, log: silentLogger() }, courseId)).rejects.toThrow('process killed');
  const afterCrash = [1, 2].map((n) => remindersTo(n).length - before[n - 1]!);
  expect(afterCrash.sort()).toEqual([0, 1]); // one student got the DM, then the process died

  // A later sweep (as the scheduler would run it) finds the reminder still pending and sends it again.
  clock.advance(STALE_PENDING_MS + 60_000);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  expect([1, 2].map((n) => remindersTo(n).length - before[n - 1]!)).toEqual([1, 1]);
  expect(await t.db.reminder.count({ where: { courseId, status: 'sent' } })).toBe(2);
}, 60_000);
