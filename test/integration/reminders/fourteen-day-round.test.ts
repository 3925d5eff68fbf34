// The "done means" test of issue 5: a 14-day, 30-student round driven by a fake clock, with two bot
// processes sweeping the same SQLite file at every step and one of them restarted halfway. Expected
// send times are written out by hand (America/New_York; DST ends 2026-11-01 02:00).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { addComment, createCourse, discordIdOf, GUILD, REMINDER_THREAD, seedStudents, STAFF_CHANNEL } from '../reviews/course-fixture.js';
import { startSweepWorker, type StepReply, type SweepWorker } from './sweep-workers.js';

const Z = (iso: string) => new Date(iso);
const START = Z('2026-10-22T04:00:00Z'); // Oct 22 00:00 EDT
const END = Z('2026-11-05T05:00:00Z'); // Nov 5 00:00 EST: 14 days
const STEP_MS = 30 * 60_000;

// Round A "Week 8": assigned, 2 essays each, due Mon Nov 2 17:00 EST (22:00Z).
const A = {
  before_48h: '2026-10-31T21:00:00.000Z',
  before_24h: '2026-11-01T22:00:00.000Z',
  before_2h: '2026-11-02T20:00:00.000Z',
  at_due: '2026-11-02T22:00:00.000Z',
};
// Round B "Week 9": quota 1, due Wed Nov 4 09:00 EST (14:00Z). Its 2 h stage (07:00) is in quiet hours (22:00-08:00): sent at 08:00.
const B = {
  before_48h: '2026-11-02T14:00:00.000Z',
  before_24h: '2026-11-03T14:00:00.000Z',
  before_2h: '2026-11-04T13:00:00.000Z',
  at_due: '2026-11-04T14:00:00.000Z',
};

/** Student n (1-based): when they write their round-A comments (which also satisfy round B's quota). */
function completesAt(n: number): Date | null {
  if (n <= 5) return Z('2026-10-25T16:00:00Z'); // early: never reminded
  if (n <= 10) return Z('2026-11-02T01:00:00Z'); // Nov 1 20:00 EST: after the 24 h stage of A, before B's stages
  if (n <= 12) return Z('2026-11-03T17:00:00Z'); // Nov 3 12:00 EST: late for A, before B is due
  return null;
}
const CHANNEL_MODE = new Set([13, 14]);
const DMS_CLOSED = new Set([15, 16]);

function expectedFor(n: number): string[] {
  const aStages: (keyof typeof A)[] = n <= 5 ? [] : n <= 10 ? ['before_48h', 'before_24h'] : ['before_48h', 'before_24h', 'before_2h', 'at_due'];
  const bStages: (keyof typeof B)[] = n <= 10 ? [] : n <= 12 ? ['before_48h', 'before_24h'] : ['before_48h', 'before_24h', 'before_2h', 'at_due'];
  // Two reminders per round-A stage (one per assigned essay), one per round-B stage (quota).
  return [...aStages.flatMap((s) => [A[s], A[s]]), ...bStages.map((s) => B[s])].sort();
}

let t: TestDb;
let courseId: string;
let ids: string[];
let essayIds: string[];
const replies: StepReply[] = [];

beforeAll(async () => {
  t = await createTestDb();
  courseId = await createCourse(t.db, { quietHoursStart: '22:00', quietHoursEnd: '08:00', reminderStages: '48,24,2', digestHourLocal: 9 });
  ({ ids, essayIds } = await seedStudents(t.db, courseId, 30));
  for (const n of CHANNEL_MODE) await t.db.student.update({ where: { id: ids[n - 1] }, data: { reminderMode: 'channel' } });
  const staff = { userId: '111111111111111111', guildId: GUILD };
  for (const [name, dueAt, mode, k] of [
    ['Week 8', Z(A.at_due), 'assigned', 2],
    ['Week 9', Z('2026-11-04T14:00:00Z'), 'quota', 1],
  ] as const) {
    const p = await previewRound(t.db, { courseId, actorUserId: staff.userId, name, dueAt, k, mode, filter: {}, now: START });
    await confirmRound(t.db, p.pendingId, staff, START);
  }
  const closed = [...DMS_CLOSED].map(discordIdOf);
  let workers: SweepWorker[] = await Promise.all([startSweepWorker(t.url, courseId, closed), startSweepWorker(t.url, courseId, closed)]);
  const restartAt = Z('2026-11-01T12:00:00Z').getTime();
  let step = 0;
  for (let now = START.getTime(); now <= END.getTime(); now += STEP_MS, step++) {
    for (let n = 1; n <= 30; n++) {
      if (completesAt(n)?.getTime() !== now) continue;
      const mine = await t.db.assignment.findMany({ where: { reviewerStudentId: ids[n - 1], essayId: { not: null } }, select: { essayId: true } });
      for (const a of mine) await addComment(t.db, courseId, a.essayId!, ids[n - 1]!, 60, new Date(now));
    }
    if (now === restartAt) {
      // A restart: the second process goes away and a new one (new context, same file) takes its place.
      await workers[1]!.stop();
      workers = [workers[0]!, await startSweepWorker(t.url, courseId, closed)];
    }
    replies.push(...(await Promise.all(workers.map((w) => w.sweep(step, new Date(now))))));
  }
  await Promise.all(workers.map((w) => w.stop()));
}, 240_000);

afterAll(() => t.close());

describe('a 14-day round for 30 students, two processes, one restart', () => {
  it('runs every sweep without error', () => {
    expect(replies.filter((r) => r.error)).toEqual([]);
    expect(replies.length).toBeGreaterThan(1_300);
  });

  it('sends exactly the expected reminders, at the exact instants, to each student', () => {
    const sent = new Map<number, string[]>();
    const add = (n: number, at: string) => sent.set(n, [...(sent.get(n) ?? []), at]);
    for (const r of replies) {
      for (const dm of r.dms) add(Number(BigInt(dm.userId) - 800000000000000000n), dm.at);
      for (const m of r.channel) if (m.channelId === REMINDER_THREAD) add(Number(BigInt(m.pingUserIds[0]!) - 800000000000000000n), m.at);
    }
    for (let n = 1; n <= 30; n++) expect({ n, at: (sent.get(n) ?? []).sort() }).toEqual({ n, at: expectedFor(n) });
  });

  it('delivers by DM, or in the reminder thread for channel mode and closed DMs (remembered)', async () => {
    const dmUsers = new Set(replies.flatMap((r) => r.dms.map((d) => d.userId)));
    const threadUsers = new Set(replies.flatMap((r) => r.channel.filter((m) => m.channelId === REMINDER_THREAD).map((m) => m.pingUserIds[0])));
    expect([...threadUsers].sort()).toEqual([13, 14, 15, 16].map(discordIdOf).sort());
    for (const n of [13, 14, 15, 16]) expect(dmUsers.has(discordIdOf(n))).toBe(false);
    const closed = await t.db.student.findMany({ where: { dmClosedAt: { not: null } }, select: { discordUserId: true } });
    expect(closed.map((s) => s.discordUserId).sort()).toEqual([15, 16].map(discordIdOf).sort());
    const sample = replies.flatMap((r) => r.dms).find((d) => d.userId === discordIdOf(20))!;
    expect(sample.content).toMatch(/“Essay by Student \d\d”\*\* by Student \d\d/);
    expect(sample.content).toContain(`https://discord.com/channels/${GUILD}/7`);
    expect(sample.content).toContain('https://blog.example.edu/?p=');
    expect(sample.content).toMatch(/(EDT|EST)/);
  });

  it('sends nothing during quiet hours and records the postponed 2 h stage of round B', async () => {
    for (const m of replies.flatMap((r) => [...r.dms, ...r.channel])) {
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(m.at)));
      expect(hour >= 22 || hour < 8, `message at ${m.at}`).toBe(false);
    }
    const postponed = await t.db.reminder.findMany({
      where: { courseId, postponedUntil: { not: null } },
      select: { stage: true, scheduledFor: true, postponedUntil: true },
    });
    expect(postponed.length).toBe(18);
    for (const p of postponed) expect(p).toEqual({ stage: 'before_2h', scheduledFor: Z('2026-11-04T12:00:00Z'), postponedUntil: Z(B.before_2h) });
  });

  it('records every reminder once, all sent, none for done reviews', async () => {
    const rows = await t.db.reminder.findMany({ where: { courseId, assignmentId: { not: null } }, select: { status: true } });
    const expectedTotal = Array.from({ length: 30 }, (_, i) => expectedFor(i + 1).length).reduce((a, b) => a + b, 0);
    expect(rows.length).toBe(expectedTotal);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Both processes swept every step; together they reported exactly one send per recorded reminder.
    const sentBySummaries = replies.reduce((n, r) => n + (r.summary?.sent ?? 0), 0);
    expect(sentBySummaries).toBe(expectedTotal);
    // Round B (quota 1) is satisfied by the round-A comments of students 1-12, all before its due time.
    const statuses = await t.db.assignment.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ done: 10 * 2 + 12, done_late: 2 * 2, pending: 18 * 2 + 18 });
  });

  it('posts one overdue digest per local day to staff, after 09:00, listing who is overdue and who cannot be DMed', () => {
    const digests = replies.flatMap((r) => r.channel).filter((m) => m.channelId === STAFF_CHANNEL);
    expect(digests.map((d) => d.at)).toEqual(['2026-11-02T22:00:00.000Z', '2026-11-03T14:00:00.000Z', '2026-11-04T14:00:00.000Z']);
    expect(digests.every((d) => d.pingUserIds.length === 0)).toBe(true);
    expect(digests[1]!.content).toContain('Student 11');
    expect(digests[2]!.content).not.toContain('Student 11 —');
    expect(digests[1]!.content).toMatch(/Cannot be DMed.*Student 15 \(DMs closed\)/s);
    expect(essayIds.length).toBe(30);
  });
});
