import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb } from '../../support/test-db.js';
import { leaseSeconds, type Shared } from './bot-process.js';
import { BlogState } from './fake-blog.js';
import type { ModelFlags } from './flags.js';
import { studentNames, type History } from './history.js';
import { withModelClock } from './model-db-clock.js';
import { checkInvariants, type Violation } from './invariants.js';
import { computeTruth } from './truth.js';
import { studentDiscordId, World } from './world.js';

/** Retry rounds after recovery: each waits exactly until the latest pending effect is due again. */
const retryRounds = 8;

export interface CaseResult {
  violations: Violation[];
  /** The faults that fired, for the failure report. */
  fired: string[];
}

/**
 * Runs one history on a fresh database: every step, then recovery (faults off, leases and claims
 * lapse, both processes restart), one full sweep and the retries each waiting effect asked for; then
 * checks the invariants against the truth computed from what people did.
 */
export async function runCase(flags: ModelFlags, history: History): Promise<CaseResult> {
  const testDb = await createTestDb();
  try {
    const start = new Date('2026-10-05T09:00:00Z');
    const clock = new ManualClock(start);
    const courseId = await createCourse(testDb.db, {
      blogUrl: 'https://blog.test',
      username: 'bot',
      appPassword: 'unused in the model',
      ingestSince: new Date(start.getTime() - 60_000),
      timeZone: 'UTC',
    });
    for (const [i, name] of studentNames.entries()) {
      await testDb.db.student.create({ data: { courseId, displayName: name, email: `student${i}@example.edu`, discordUserId: studentDiscordId(i) } });
    }
    // The database's clock is the model's real time (see model-db-clock.ts).
    const shared: Shared = {
      db: withModelClock(testDb.db, clock),
      blog: new BlogState('https://blog.test'),
      discord: new MemoryChat(),
      clock,
      courseId,
      tickErrors: [],
      fired: [],
    };
    const world = new World(shared, flags, history);
    for (const step of history.steps) {
      await world.apply(step);
    }

    // Recovery: no more faults, every lease and claim lapses (on every process's clock: a clock behind sees a
    // dead process's lease lapse that much later), both processes start afresh.
    clock.advance(3 * leaseSeconds * 1_000 + Math.max(...history.skewMs.map(Math.abs)));
    world.start(0);
    world.start(1);
    const survivor = world.processes[0]!;
    const skew = history.skewMs[0];
    await survivor.tick(); // a new process's first tick compares every essay's comments (the full sweep)
    for (let round = 0; round < retryRounds; round += 1) {
      const waiting = await testDb.db.outboxItem.findMany({ where: { status: 'pending' }, select: { nextAttemptAt: true } });
      if (waiting.length === 0) break;
      const due = Math.max(...waiting.map((w) => w.nextAttemptAt.getTime())) - skew + 1_000;
      if (due > clock.now().getTime()) clock.set(new Date(due));
      await survivor.tick();
    }
    const violations = await checkInvariants({
      truth: computeTruth(world.happened),
      blog: shared.blog,
      discord: shared.discord,
      db: testDb.db,
      botNow: survivor.ctx.clock.now(),
      tickErrors: shared.tickErrors,
    });
    return { violations, fired: shared.fired };
  } finally {
    await testDb.close();
  }
}
