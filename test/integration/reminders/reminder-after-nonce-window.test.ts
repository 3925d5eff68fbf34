// A reminder whose sending was interrupted right after Discord accepted it (the process died before recording
// it) is retried by a later sweep once the intent is stale (10 minutes): by then Discord's nonce window
// (a few minutes; the emulator enforces 5) has closed, so the nonce alone no longer stops a second copy.
// The student must still read ONE reminder, by DM or in the course's reminder thread. Real discord.js against
// the Discord emulator, whose clock is the test's fake clock, so Discord's time moves with the bot's.
import type { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import { setReminderMode } from '../../../src/reminders/preview-reminders.js';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { connectClient } from '../../support/connect-client.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, ESSAY_CHANNEL, GUILD, seedStudents } from '../reviews/course-fixture.js';

/** The emulator's nonce window (message-input.ts): the retry comes well after it. */
const NONCE_WINDOW_MS = 5 * 60_000;

let emu: DiscordEmulator;
let client: Client<true>;
let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-10T16:00:00Z')); // 47 h before the due time, daytime in New York
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000, now: () => clock.now().getTime() });
  emu.createGuild({ id: GUILD, name: 'HIST 214' });
  emu.createChannel(GUILD, { id: ESSAY_CHANNEL, name: 'essays', type: 'forum' });
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

/** Two students review each other's essay, due in 47 hours: the 48 h stage is due for both. */
async function courseWithRound(): Promise<string> {
  const courseId = await createCourse(t.db, { reminderStages: '48', reminderThreadId: null });
  await seedStudents(t.db, courseId, 2, { publishedAt: new Date('2026-03-01T12:00:00Z') });
  const start = new Date('2026-03-10T12:00:00Z');
  const dueAt = new Date('2026-03-12T15:00:00Z');
  const p = await previewRound(t.db, { courseId, actorUserId: '1', name: 'Week 3', dueAt, k: 1, mode: 'assigned', filter: {}, now: start });
  await confirmRound(t.db, p.pendingId, { userId: '1', guildId: GUILD }, start);
  return courseId;
}

/** What each student reads: reminders by DM, and mentions of them in the reminder thread. */
function seenBy(n: number): string[] {
  const thread = emu.findThreadByName('Review reminders', ESSAY_CHANNEL);
  const inThread = thread ? emu.messagesIn(thread.id).filter((m) => m.content.includes(`<@${discordIdOf(n)}>`)) : [];
  return [...emu.dmsTo(discordIdOf(n)), ...inThread].filter((m) => m.content.includes('Week 3')).map((m) => m.content);
}

describe('a reminder retried after Discord’s nonce window', () => {
  it('a student whose reminder DM went out just before the bot died gets one DM, not two, when the sweep retries it 11 minutes later', async () => {
    const courseId = await courseWithRound();
    const chat = new DiscordChat(client);
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
    const courseId = await courseWithRound();
    for (const n of [1, 2]) await setReminderMode(t.db, { courseId, discordUserId: discordIdOf(n), mode: 'channel' });
    const chat = new DiscordChat(client);
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
