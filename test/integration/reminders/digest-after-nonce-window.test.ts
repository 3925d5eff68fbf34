// The staff digest of overdue reviews whose posting was interrupted right after Discord accepted it (the
// process died before recording it) is retried by a later sweep once stale. Staff must read ONE digest that
// day, not two. Real discord.js against the Discord emulator running on the test's fake clock.
import type { Client } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
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
import { createCourse, discordIdOf, GUILD, seedStudents, STAFF_CHANNEL } from '../reviews/course-fixture.js';

let emu: DiscordEmulator;
let client: Client<true>;
let t: TestDb;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-13T15:00:00Z')); // 11:00 in New York, the day after the due time
  emu = await startDiscordEmulator({ heartbeatIntervalMs: 1_000, now: () => clock.now().getTime() });
  emu.createGuild({ id: GUILD, name: 'HIST 214' });
  emu.createChannel(GUILD, { id: STAFF_CHANNEL, name: 'staff', type: 'text' });
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

/** The database as the dying process saw it: recording the digest as posted never happens. */
function dyingAfterDigestPosted(db: Db): Db {
  let died = false;
  const reminder = new Proxy(db.reminder, {
    get(target, prop, receiver) {
      if (prop === 'update' && !died) {
        return (args: { data: { deliveredVia?: string } }) => {
          if (args.data.deliveredVia !== 'staff_channel') return target.update(args as Parameters<typeof target.update>[0]);
          died = true;
          return Promise.reject(new Error('process killed before recording the digest'));
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return new Proxy(db, { get: (target, prop, receiver) => (prop === 'reminder' ? reminder : (Reflect.get(target, prop, receiver) as unknown)) });
}

it('staff read one overdue digest when its posting was interrupted and the sweep retries it after Discord’s nonce window', async () => {
  const courseId = await createCourse(t.db, { reminderStages: '48' });
  await seedStudents(t.db, courseId, 2, { publishedAt: new Date('2026-03-01T12:00:00Z') });
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
  const digests = () => emu.messagesIn(STAFF_CHANNEL).filter((m) => m.content.includes('Overdue peer reviews'));

  await expect(runReminderSweep({ db: dyingAfterDigestPosted(t.db), chat, clock, log: silentLogger() }, courseId)).rejects.toThrow('process killed');
  expect(digests()).toHaveLength(1);

  clock.advance(STALE_PENDING_MS + 60_000);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);

  expect(digests()).toHaveLength(1);
  expect(await t.db.reminder.findFirst({ where: { courseId, stage: 'overdue_digest' }, select: { status: true } })).toEqual({ status: 'sent' });
}, 60_000);
