import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { readinessCheck } from '../../../src/http/health-checks.js';

// A database that accepts the connection but never answers (a stuck lock, a full disk) must not hang /readyz:
// the monitor would time out and learn nothing. Unit test of the check alone, with a database that never answers.
const neverAnswers = { $queryRawUnsafe: () => new Promise(() => undefined) } as unknown as Db;
const answers = { $queryRawUnsafe: async () => [] } as unknown as Db;
const oneReadyShard = () => [{ id: 0, pingMs: 40, ready: true }];

describe('the readiness check', () => {
  it('a database that does not answer within the timeout is reported as not ready, with the time it was given', async () => {
    const readiness = await readinessCheck({ db: neverAnswers, shards: oneReadyShard, timeoutMs: 50 })();
    expect(readiness.ready).toBe(false);
    expect(readiness.notReady).toEqual(['database: the database did not answer within 50 ms']);
  });

  it('every shard that is not connected is named, and a process with no shard is not ready', async () => {
    const some = await readinessCheck({
      db: answers,
      shards: () => [
        { id: 0, pingMs: 40, ready: true },
        { id: 3, pingMs: -1, ready: false },
      ],
    })();
    expect(some.notReady).toEqual(['gateway: shard 3 is not connected']);
    const none = await readinessCheck({ db: answers, shards: () => [] })();
    expect(none.notReady).toEqual(['gateway: no shard is running']);
    expect(await readinessCheck({ db: answers, shards: oneReadyShard })()).toEqual({ ready: true, notReady: [], shards: [{ id: 0, ready: true }] });
  });
});
