// The real bot (emulator + WordPress fake + SQLite) with a simulated course loaded: students 0 and 1
// are the world's Discord users alice and bob, the clock stands still at SIM_NOW.
import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../../../src/shared/clock.js';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import type { InteractionHandle, InteractionResponseView } from '../../../src/offline/discord-emulator/interaction-tracker.js';
import { insertSimulatedCourse } from './insert-simulated-course.js';
import { SIM_NOW, simulateCourse, type SimCourse } from './simulated-course.js';

export interface ReportWorld {
  world: BotWorld;
  clock: ManualClock;
  sim: SimCourse;
  courseId: string;
}

export async function startReportWorld(students = 30): Promise<ReportWorld> {
  const clock = new ManualClock(SIM_NOW);
  const world = await startBotWorld({ clock });
  await world.setupCourse();
  const { id: courseId } = await world.testDb.db.course.findFirstOrThrow({ select: { id: true } });
  const sim = simulateCourse({ courseId, students, discordUserIds: [...world.studentIds] });
  await insertSimulatedCourse(world.testDb.db, sim);
  return { world, clock, sim, courseId };
}

/**
 * One report world for all the tests of a file, started by its beforeAll and closed by its afterAll. The object is
 * empty until the beforeAll has run: read it in tests and later hooks, not at the top of the file.
 */
export function reportWorldForFile(students = 30): ReportWorld {
  const shared: Partial<ReportWorld> = {};
  beforeAll(async () => {
    Object.assign(shared, await startReportWorld(students));
  }, 60_000);
  afterAll(async () => {
    await shared.world?.close();
  });
  return shared as ReportWorld;
}

const isAnswer = (v: InteractionResponseView) => !(v.kind === 'callback' && (v.type === 5 || v.type === 6));

/** Every answer (reply, edit, follow-up) once at least `count` have arrived. */
export async function answers(ix: InteractionHandle, count: number, timeoutMs = 10_000): Promise<InteractionResponseView[]> {
  await ix.response(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = ix.all().filter(isAnswer);
    if (got.length >= count) return got;
    if (Date.now() > deadline) throw new Error(`expected ${count} answers, got ${got.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for the bot to finish answering (no new answer for `quietMs`), then returns them all. */
export async function settledAnswers(ix: InteractionHandle, quietMs = 300): Promise<InteractionResponseView[]> {
  await ix.response(10_000);
  let seen = -1;
  for (;;) {
    const got = ix.all().filter(isAnswer);
    if (got.length === seen) return got;
    seen = got.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** Rows of the participation reply table: [name cell, nine numbers]. */
export function tableRows(pages: string[]): { name: string; numbers: number[] }[] {
  const rows: { name: string; numbers: number[] }[] = [];
  for (const page of pages) {
    const block = /```\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    const lines = block.split('\n').filter(Boolean).slice(2); // header + rule
    for (const line of lines) {
      const parts = line.trimEnd().split(/\s+/);
      const numbers = parts.slice(-9).map(Number);
      if (numbers.some((n) => Number.isNaN(n))) continue;
      rows.push({ name: line.slice(0, 22).trim(), numbers });
    }
  }
  return rows;
}
