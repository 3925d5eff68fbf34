import { startOfflineWorld, type OfflineWorld, type OfflineWorldOptions } from '../../src/offline/offline-world.js';
import { REMINDER_THREAD_NAME } from '../../src/reminders/reminder-thread.js';
import { createTestDb, type TestDb } from './test-db.js';

export type { WorldBlog } from '../../src/offline/offline-world.js';

/** The offline world on a fresh test database (SQLite, or PostgreSQL under TEST_DATABASE=postgresql). */
export type BotWorld = Omit<OfflineWorld<TestDb>, 'database'> & { testDb: TestDb };

export async function startBotWorld(options: Omit<OfflineWorldOptions<TestDb>, 'openDatabase'> = {}): Promise<BotWorld> {
  const world = await startOfflineWorld({ ...options, openDatabase: createTestDb });
  // Assigned, not spread: `bot` is a getter that follows restartBot().
  return Object.assign(world, { testDb: world.database });
}

/** The essay threads of a course channel: every thread but the reminder thread /course setup opens beside them. */
export function essayThreadsIn(world: { emu: BotWorld['emu'] }, channelId: string) {
  return world.emu.threadsIn(channelId).filter((t) => t.name !== REMINDER_THREAD_NAME);
}
