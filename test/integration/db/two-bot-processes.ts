// Two bot processes on one database, each with its own Prisma client: the tests of what one process may take
// from the other (leases, fences, the outbox) and of what each one reports.
import { afterEach, beforeEach } from 'vitest';
import type { Context } from '../../../src/context.js';
import { openDb, type Db } from '../../../src/db/client.js';
import { realBlogSources } from '../../../src/courses/course-blogs.js';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import type { Clock } from '../../../src/shared/clock.js';
import { silentLogger, type Logger } from '../../../src/shared/logger.js';
import { syncContext, testSecretKeys } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

/** Call once at the top of a test file: each test gets a new test database and a second client on it. */
export function useTwoClients(): { readonly testDb: TestDb; readonly secondDb: Db } {
  let testDb: TestDb;
  let secondDb: Db;
  beforeEach(async () => {
    testDb = await createTestDb();
    secondDb = await openDb(testDb.url);
  });
  afterEach(async () => {
    await secondDb.$disconnect();
    await testDb.close();
  });
  return {
    get testDb() {
      return testDb;
    },
    get secondDb() {
      return secondDb;
    },
  };
}

/** The Context of the process `owner` on `db`, on its own clock (chat in memory, no outbox worker to kick). */
export function processContext(db: Db, owner: string, clock: Clock, options: { leaseSeconds: number; log?: Logger }): Context {
  return {
    ...syncContext(db, new MemoryChat(), clock),
    secrets: new SecretBox(testSecretKeys),
    createBlog: realBlogSources(),
    config: { leaseSeconds: options.leaseSeconds },
    kickOutbox: () => undefined,
    owner,
    log: options.log ?? silentLogger(),
  };
}
