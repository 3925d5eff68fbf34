// Issue 16, hole 13: a reminder whose sending was interrupted (here: Discord answering 503 until
// discord.js gives up) is retried by a later sweep. The retry must keep quiet hours and must not send a
// stage that a later stage has replaced. Driven through the reminder-sweep job with a fake clock; what
// the students receive is read from the Discord emulator's DMs (real discord.js client).
import type { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../../src/discord/discord-chat.js';
import type { Context } from '../../../src/context.js';
import { reminderSweepJob } from '../../../src/jobs/reminder-sweep-job.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { DiscordEmulator } from '../../../src/offline/discord-emulator/index.js';
import type { TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, GUILD, seedStudents } from '../reviews/course-fixture.js';
import { startReminderWorld, type ReminderWorld } from './reminder-world.js';

const Z = (iso: string) => new Date(iso);
const STUDENTS = 2;
/** discord.js sends once and retries a 5xx three times before it gives up: 4 requests per DM. */
const ATTEMPTS_PER_DM = 4;

let emu: DiscordEmulator;
let client: Client<true>;
let t: TestDb;
let courseId: string;
let clock: ManualClock;

let world: ReminderWorld;
beforeEach(async () => {
  world = await startReminderWorld({ students: STUDENTS });
  ({ emu, client, t } = world);
});
afterEach(() => world.close());

/** Quiet hours 22:00-07:00 in the course zone (America/New_York); each student reviews the other's essay. */
async function courseWithRound(dueAt: Date): Promise<void> {
  courseId = await createCourse(t.db, { quietHoursStart: '22:00', quietHoursEnd: '07:00', reminderStages: '48,24,2' });
  await seedStudents(t.db, courseId, STUDENTS, { publishedAt: Z('2026-03-01T12:00:00Z') });
  const start = Z('2026-03-10T12:00:00Z');
  const p = await previewRound(t.db, { courseId, actorUserId: '1', name: 'Week 3', dueAt, k: 1, mode: 'assigned', filter: {}, now: start });
  await confirmRound(t.db, p.pendingId, { userId: '1', guildId: GUILD }, start);
}

interface Received {
  at: string;
  to: string;
  content: string;
}

/** Both students got the reminder at `at` (student 1 listed first), and each one's text says `phrase`. */
function expectBothRemindedAt(received: Received[], at: string, phrase: string): void {
  expect(received.map((r) => ({ at: r.at, to: r.to }))).toEqual([
    { at, to: discordIdOf(1) },
    { at, to: discordIdOf(2) },
  ]);
  for (const r of received) expect(r.content).toContain(phrase);
}

/** Runs the job at each instant (as the scheduler would) and notes which DMs arrived at which fake time. */
async function sweepAt(instants: Date[], received: Received[] = []): Promise<Received[]> {
  const job = reminderSweepJob();
  const ctx = { db: t.db, chat: new DiscordChat(client), clock, log: silentLogger(), owner: 'bot-1', config: { leaseSeconds: 60 } } as unknown as Context;
  for (const at of instants) {
    clock.set(at);
    const before = new Map(Array.from({ length: STUDENTS }, (_, i) => [discordIdOf(i + 1), emu.dmsTo(discordIdOf(i + 1)).length]));
    await job.run(ctx);
    for (const [to, n] of before) for (const m of emu.dmsTo(to).slice(n)) received.push({ at: at.toISOString(), to, content: m.content });
  }
  return received;
}

function every(minutes: number, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let at = from.getTime(); at <= to.getTime(); at += minutes * 60_000) out.push(new Date(at));
  return out;
}
const everyFiveMinutes = (from: Date, to: Date) => every(5, from, to);

/** The scheduler's five-minute sweeps around the evening and the morning, every half hour through the night (fewer sweeps on a shared CPU). */
function nightOfSweeps(eveningFrom: Date, morningTo: Date): Date[] {
  const eveningTo = new Date(eveningFrom.getTime() + 65 * 60_000);
  const morningFrom = new Date(morningTo.getTime() - 90 * 60_000);
  return [
    ...everyFiveMinutes(eveningFrom, eveningTo),
    ...every(30, new Date(eveningTo.getTime() + 30 * 60_000), new Date(morningFrom.getTime() - 1)),
    ...everyFiveMinutes(morningFrom, morningTo),
  ];
}

/** Discord answers 503 to the next `dms` DM sends, past discord.js's own retries: the send is interrupted. */
function discordDownForNextDms(dms: number): void {
  emu.failNext({ method: 'POST', routeMatch: /\/channels\/\d+\/messages$/, status: 503, times: dms * ATTEMPTS_PER_DM });
}

describe('a reminder retried after an interruption', () => {
  it('waits for the end of quiet hours instead of arriving at 22:10', async () => {
    // Due Sun Mar 22 21:55 EDT: the 48 h stage falls at Fri 21:55, five minutes before quiet hours.
    await courseWithRound(Z('2026-03-23T01:55:00Z'));
    clock = new ManualClock(Z('2026-03-21T01:55:00Z'));
    discordDownForNextDms(STUDENTS);
    // From Fri 21:55 to Sat 08:00 EDT.
    const received = await sweepAt(nightOfSweeps(Z('2026-03-21T01:55:00Z'), Z('2026-03-21T12:00:00Z')));
    // Quiet hours end Sat 07:00 EDT = 11:00Z; the deadline is then 38 h 55 min away.
    expectBothRemindedAt(received, '2026-03-21T11:00:00.000Z', 'is due in 39 hours');
  });

  it('is not sent once a later stage has come: the student gets the 24 h reminder only', async () => {
    // Due Fri Mar 20 12:00 EDT: 48 h stage Wed 12:00, 24 h stage Thu 12:00 (daytime, no quiet hours).
    await courseWithRound(Z('2026-03-20T16:00:00Z'));
    clock = new ManualClock(Z('2026-03-18T16:00:00Z'));
    discordDownForNextDms(STUDENTS);
    const received = await sweepAt([Z('2026-03-18T16:00:00Z')]);
    expect(received).toEqual([]);
    // The bot is offline until the 24 h stage, then sweeps every five minutes for half an hour.
    await sweepAt(everyFiveMinutes(Z('2026-03-19T16:00:00Z'), Z('2026-03-19T16:30:00Z')), received);
    expectBothRemindedAt(received, '2026-03-19T16:00:00.000Z', 'is due in 1 day');
  });

  it('postponed through the night, gives way to the at-due reminder that came meanwhile', async () => {
    // Due Sat Mar 21 23:55 EDT: the 2 h stage falls at 21:55 (interrupted), the at-due stage inside
    // quiet hours. Both wait for Sun 07:00 EDT, when only the newer one, at due, is sent.
    await courseWithRound(Z('2026-03-22T03:55:00Z'));
    clock = new ManualClock(Z('2026-03-21T12:00:00Z'));
    // Sat 08:00 EDT: the 24 h stage (Fri 23:55, postponed by quiet hours) goes out normally first.
    const received = await sweepAt([Z('2026-03-21T12:00:00Z')]);
    expect(received.map((r) => r.to).sort()).toEqual([discordIdOf(1), discordIdOf(2)]);
    discordDownForNextDms(STUDENTS);
    await sweepAt(nightOfSweeps(Z('2026-03-22T01:55:00Z'), Z('2026-03-22T12:00:00Z')), received);
    expectBothRemindedAt(received.slice(STUDENTS), '2026-03-22T11:00:00.000Z', 'is overdue');
  });
});

describe('quiet hours are the student’s night', () => {
  it('a student who set Asia/Tokyo is reminded at 07:00 Tokyo time, not at 01:00', async () => {
    // Due Fri Mar 20 12:00 EDT (16:00Z): the 24 h stage, Thu 12:00 EDT, is 01:00 Fri in Tokyo.
    await courseWithRound(Z('2026-03-20T16:00:00Z'));
    await t.db.student.updateMany({ where: { courseId, discordUserId: discordIdOf(1) }, data: { timeZone: 'Asia/Tokyo' } });
    clock = new ManualClock(Z('2026-03-19T16:00:00Z'));
    const received = await sweepAt(everyFiveMinutes(Z('2026-03-19T16:00:00Z'), Z('2026-03-19T22:30:00Z')));
    // Tokyo 07:00 Fri = 22:00Z Thu (18 h before due); the other student, on course time, at the stage itself.
    expect(received.map((r) => ({ at: r.at, to: r.to }))).toEqual([
      { at: '2026-03-19T16:00:00.000Z', to: discordIdOf(2) },
      { at: '2026-03-19T22:00:00.000Z', to: discordIdOf(1) },
    ]);
    expect(received[1]!.content).toContain('is due in 18 hours');
  });
});
