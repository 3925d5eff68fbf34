import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLease, assertLeaseHeld } from '../../../src/db/leases.js';
import { LeaseLostError } from '../../../src/db/leases.js';
import { previewReminders, setReminderMode } from '../../../src/reminders/preview-reminders.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { ChatPort } from '../../../src/ports/chat-port.js';
import { RecordingChat } from '../../support/recording-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { discordIdOf, seedConfirmedRound, STAFF_CHANNEL } from '../reviews/course-fixture.js';

let t: TestDb;
let courseId: string;
let clock: ManualClock;
let chat: RecordingChat;
const due = new Date('2026-03-20T16:00:00Z'); // Fri 12:00 EDT
const stage24 = new Date('2026-03-19T16:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  courseId = await seedConfirmedRound(t.db, { students: 3, dueAt: due, course: { reminderThreadId: null } });
  clock = new ManualClock(stage24);
  chat = new RecordingChat(() => clock.now());
});
afterEach(() => t.close());

const deps = (over: Partial<{ chat: ChatPort; fence: Parameters<typeof runReminderSweep>[0]['fence'] }> = {}) => ({
  db: t.db,
  chat,
  clock,
  log: silentLogger(),
  ...over,
});

describe('reminder sweep recovery', () => {
  it('a crash between recording and sending is retried once the intent is stale, and sent once', async () => {
    const crashing: ChatPort = Object.assign(Object.create(chat) as RecordingChat, {
      sendDirectMessage: async () => {
        throw new Error('process killed');
      },
    });
    await expect(runReminderSweep(deps({ chat: crashing }), courseId)).rejects.toThrow('process killed');
    expect(await t.db.reminder.count({ where: { status: 'pending' } })).toBe(1);
    clock.advance(5 * 60_000);
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ retried: 0, sent: 2 }); // the other two students; the pending one is not stale yet
    clock.advance(10 * 60_000);
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ retried: 1, sent: 0 });
    clock.advance(5 * 60_000);
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ retried: 0, sent: 0 });
    expect(chat.dms.map((d) => d.userId).sort()).toEqual([1, 2, 3].map(discordIdOf).sort());
    expect(await t.db.reminder.count({ where: { status: 'sent' } })).toBe(3);
  });

  it('keeps the intent pending while Discord is down and sends it after', async () => {
    chat.down = true;
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ deferred: 3, sent: 0 });
    chat.down = false;
    clock.advance(11 * 60_000);
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ retried: 3 });
    expect(chat.dms).toHaveLength(3);
  });

  it('writes and sends nothing when the course lease was lost (fence)', async () => {
    const lease = await acquireLease(t.db, { name: `course:${courseId}`, owner: 'old', ttlMs: 60_000, now: new Date(stage24.getTime() - 120_000) });
    await acquireLease(t.db, { name: `course:${courseId}`, owner: 'new', ttlMs: 60_000, now: stage24 }); // takeover
    const fence = (tx: Parameters<typeof assertLeaseHeld>[0]) =>
      assertLeaseHeld(tx, { name: `course:${courseId}`, owner: 'old', token: lease!.token, now: clock.now() });
    await expect(runReminderSweep(deps({ fence }), courseId)).rejects.toBeInstanceOf(LeaseLostError);
    expect(await t.db.reminder.count()).toBe(0);
    expect(chat.dms).toHaveLength(0);
  });

  it('after downtime sends only the latest stage; closed DMs go to a reminder thread the sweep opens, never the staff channel', async () => {
    chat.closeDms(discordIdOf(2));
    clock.set(new Date(due.getTime() - 60 * 60_000)); // 1 h before due: 48 h and 24 h were missed
    const preview = (await previewReminders(t.db, courseId, clock.now())).lines;
    expect(preview.filter((l) => l.status === 'due').map((l) => l.stage)).toEqual(['before_2h', 'before_2h', 'before_2h']);
    expect(preview.filter((l) => l.status === 'superseded')).toHaveLength(6);
    expect(chat.dms).toHaveLength(0); // preview sends nothing
    expect(await t.db.reminder.count()).toBe(0);
    const summary = await runReminderSweep(deps(), courseId);
    expect(summary).toMatchObject({ sent: 3, superseded: 6 });
    expect(chat.dms).toHaveLength(2);
    const { reminderThreadId } = await t.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { reminderThreadId: true } });
    expect(reminderThreadId).not.toBeNull();
    expect(chat.channelMessages).toEqual([expect.objectContaining({ channelId: reminderThreadId, pingUserIds: [discordIdOf(2)] })]);
    expect(chat.channelMessages.filter((m) => m.channelId === STAFF_CHANNEL)).toEqual([]);
    expect(await t.db.reminder.count({ where: { deliveredVia: 'channel' } })).toBe(1);
  });

  it('after downtime, a stage already sent is not called superseded: only the stages never sent are', async () => {
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ sent: 3 }); // the 24 h stage (the 48 h one was missed)
    clock.set(new Date(due.getTime() - 60 * 60_000)); // 1 h before due: the 2 h stage has come
    const preview = (await previewReminders(t.db, courseId, clock.now())).lines;
    expect(preview.filter((l) => l.status === 'due').map((l) => l.stage)).toEqual(['before_2h', 'before_2h', 'before_2h']);
    expect(preview.filter((l) => l.status === 'superseded').map((l) => l.stage)).toEqual(['before_48h', 'before_48h', 'before_48h']);
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ sent: 3, superseded: 3 });
  });

  it('respects channel mode chosen with /reminders mode, and a paused course sends nothing', async () => {
    await setReminderMode(t.db, { courseId, discordUserId: discordIdOf(1), mode: 'channel' });
    await expect(setReminderMode(t.db, { courseId, discordUserId: '5', mode: 'dm' })).rejects.toThrow(/not on this course/);
    await t.db.course.update({ where: { id: courseId }, data: { status: 'paused' } });
    expect(await runReminderSweep(deps(), courseId)).toMatchObject({ skipped: 'paused', sent: 0 });
    await t.db.course.update({ where: { id: courseId }, data: { status: 'active' } });
    await runReminderSweep(deps(), courseId);
    expect(chat.dms.map((d) => d.userId).sort()).toEqual([2, 3].map(discordIdOf).sort());
    expect(chat.channelMessages.map((m) => m.pingUserIds)).toEqual([[discordIdOf(1)]]);
  });
});
