// A course bigger than one batch of open assignments (open-assignments.ts reads ASSIGNMENT_BATCH rows at a
// time): every student still gets each owed reminder exactly once, and no query hands the sweep more rows
// than one batch (what keeps the sweep's peak memory from growing with the course).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { ASSIGNMENT_BATCH } from '../../../src/reminders/open-assignments.js';
import { runReminderSweep } from '../../../src/reminders/run-reminder-sweep.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { RecordingChat } from '../../support/recording-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, discordIdOf, GUILD, seedStudents } from '../reviews/course-fixture.js';

const STUDENTS = 130;
const K = 5; // 650 assignments: more than one batch of 500
const due = new Date('2026-03-20T16:00:00Z'); // Fri 12:00 EDT
const stage24 = new Date('2026-03-19T16:00:00Z');

let t: TestDb;
let courseId: string;

async function courseWithRound(mode: 'assigned' | 'quota'): Promise<void> {
  courseId = await createCourse(t.db, { reminderThreadId: null });
  await seedStudents(t.db, courseId, STUDENTS, { publishedAt: new Date('2026-03-01T12:00:00Z') });
  const start = new Date('2026-03-10T12:00:00Z');
  const p = await previewRound(t.db, { courseId, actorUserId: '1', name: 'R', dueAt: due, k: K, mode, filter: {}, now: start });
  await confirmRound(t.db, p.pendingId, { userId: '1', guildId: GUILD }, start);
}

beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

/** The database as the sweep sees it, noting the most rows any raw query returned. */
function measuringDb(db: Db): { db: Db; largestResult: () => number } {
  let largest = 0;
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== '$queryRaw' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const rows = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (Array.isArray(rows)) largest = Math.max(largest, rows.length);
        return rows;
      };
    },
  });
  return { db: spy, largestResult: () => largest };
}

describe('reminder sweep of a course larger than one batch', () => {
  it('every student gets the 24 h reminder for each of their reviews exactly once', async () => {
    await courseWithRound('assigned');
    expect(STUDENTS * K).toBeGreaterThan(ASSIGNMENT_BATCH);
    const clock = new ManualClock(stage24);
    const chat = new RecordingChat(() => clock.now());
    const deps = { db: t.db, chat, clock, log: silentLogger() };
    expect(await runReminderSweep(deps, courseId)).toMatchObject({ sent: STUDENTS * K, failed: 0, duplicates: 0 });
    clock.advance(5 * 60_000);
    expect(await runReminderSweep(deps, courseId)).toMatchObject({ sent: 0 });
    const perStudent = new Map<string, number>();
    for (const dm of chat.dms) perStudent.set(dm.userId, (perStudent.get(dm.userId) ?? 0) + 1);
    const expected = new Map(Array.from({ length: STUDENTS }, (_, i) => [discordIdOf(i + 1), K]));
    expect(perStudent).toEqual(expected);
  }, 60_000);

  it('never reads more than one batch of open assignments at once', async () => {
    await courseWithRound('assigned');
    const clock = new ManualClock(stage24);
    const chat = new RecordingChat(() => clock.now());
    const measured = measuringDb(t.db);
    expect(await runReminderSweep({ db: measured.db, chat, clock, log: silentLogger() }, courseId)).toMatchObject({ sent: STUDENTS * K });
    expect(measured.largestResult()).toBeGreaterThan(0);
    expect(measured.largestResult()).toBeLessThanOrEqual(ASSIGNMENT_BATCH);
  }, 60_000);

  it('a quota reviewer whose open slots fall in different batches is reminded once, not once per batch', async () => {
    await courseWithRound('quota');
    expect(await t.db.assignment.count({ where: { round: { courseId } } })).toBeGreaterThan(ASSIGNMENT_BATCH);
    const clock = new ManualClock(stage24);
    const chat = new RecordingChat(() => clock.now());
    const deps = { db: t.db, chat, clock, log: silentLogger() };
    await runReminderSweep(deps, courseId);
    clock.advance(5 * 60_000);
    await runReminderSweep(deps, courseId);
    const perStudent = new Map<string, number>();
    for (const dm of chat.dms) perStudent.set(dm.userId, (perStudent.get(dm.userId) ?? 0) + 1);
    expect(perStudent).toEqual(new Map(Array.from({ length: STUDENTS }, (_, i) => [discordIdOf(i + 1), 1])));
  }, 60_000);
});
