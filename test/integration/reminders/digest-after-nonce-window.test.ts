// The staff digest of overdue reviews whose posting was interrupted right after Discord accepted it (the
// process died before recording it) is retried by a later sweep once stale. Staff must read ONE digest that
// day, not two. Real discord.js against the Discord emulator running on the test's fake clock.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { STALE_PENDING_MS } from '../../../src/reminders/retry-stale.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { STAFF_CHANNEL } from '../reviews/course-fixture.js';
import { courseWithWeek3, dyingOnReminderRecord, startReminderWorld, type ReminderWorld } from './reminder-world.js';

let world: ReminderWorld;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(new Date('2026-03-13T15:00:00Z')); // 11:00 in New York, the day after the due time
  world = await startReminderWorld({ students: 2, now: () => clock.now().getTime(), channels: [{ id: STAFF_CHANNEL, name: 'staff', type: 'text' }] });
});
afterEach(() => world.close());

/** The database as the dying process saw it: recording the digest as posted never happens (student reminders are recorded). */
const dyingAfterDigestPosted = (db: Db) =>
  dyingOnReminderRecord(db, 'process killed before recording the digest', (args) => args.data.deliveredVia === 'staff_channel');

it('staff read one overdue digest when its posting was interrupted and the sweep retries it after Discord’s nonce window', async () => {
  const { emu, t, chat } = world;
  const courseId = await courseWithWeek3(t.db, 2);
  const digests = () => emu.messagesIn(STAFF_CHANNEL).filter((m) => m.content.includes('Overdue peer reviews'));

  await expect(runReminderSweep({ db: dyingAfterDigestPosted(t.db), chat, clock, log: silentLogger() }, courseId)).rejects.toThrow('process killed');
  expect(digests()).toHaveLength(1);

  clock.advance(STALE_PENDING_MS + 60_000);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);
  await runReminderSweep({ db: t.db, chat, clock, log: silentLogger() }, courseId);

  expect(digests()).toHaveLength(1);
  expect(await t.db.reminder.findFirst({ where: { courseId, stage: 'overdue_digest' }, select: { status: true } })).toEqual({ status: 'sent' });
}, 60_000);
