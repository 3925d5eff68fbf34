// The scene of the tests that run the reminder-sweep job by hand: a confirmed review round of four students due
// Fri 2026-03-20 16:00Z in a fresh database, and a Context holding only what the sweep reads (blog and outbox
// unused), so a test chooses the process (`owner`), the fake clock and the chat that records the DMs.
import { afterEach, beforeEach } from 'vitest';
import type { Context } from '../../../src/context.js';
import type { Db } from '../../../src/db/client.js';
import type { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { RecordingChat } from '../../support/recording-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { seedConfirmedRound } from '../reviews/course-fixture.js';

const due = new Date('2026-03-20T16:00:00Z');

/** Call once at the top of a test file: each test gets a new database holding the round; `db` is the current one. */
export function useFourStudentRound(): { readonly db: Db } {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
    await seedConfirmedRound(t.db, { students: 4, dueAt: due });
  });
  afterEach(() => t.close());
  return {
    get db() {
      return t.db;
    },
  };
}

/** The Context of bot process `owner` as the sweep job sees it; `extra` adds what a test also reads (metrics). */
export function sweepJobContext(db: Db, owner: string, clock: ManualClock, chat: RecordingChat, extra: Partial<Context> = {}): Context {
  return {
    db,
    chat,
    clock,
    log: silentLogger(),
    owner,
    config: { leaseSeconds: 60 },
    blogFor: async () => {
      throw new Error('unused');
    },
    kickOutbox: () => undefined,
    ...extra,
  } as unknown as Context;
}
