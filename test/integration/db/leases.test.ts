import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/db/client.js';
import { acquireLease, assertLeaseHeld, leasesHeldBy, LeaseLostError, releaseLease, renewLease } from '../../../src/db/leases.js';
import { postgresAvailable, startPostgres, type PostgresServer } from '../../support/postgres-server.js';
import { dbMigrate, startRaceWorkers, tempSqlite } from './helpers.js';

const pg = postgresAvailable();
const T0 = new Date('2026-11-22T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const TTL = 30_000;

interface Backend {
  /** Several independent clients (connection pools) on one migrated database, and its URL for workers. */
  open(): Promise<{ url: string; dbs: Db[] }>;
  close(): Promise<void>;
}

function sqliteBackend(): Backend {
  let file: ReturnType<typeof tempSqlite> | undefined;
  const dbs: Db[] = [];
  return {
    async open() {
      file = tempSqlite();
      await dbMigrate(file.url);
      for (let i = 0; i < 3; i++) dbs.push(await openDb(file.url));
      return { url: file.url, dbs };
    },
    async close() {
      await Promise.all(dbs.map((db) => db.$disconnect()));
      file?.cleanup();
    },
  };
}

function postgresBackend(): Backend {
  let server: PostgresServer | undefined;
  const dbs: Db[] = [];
  return {
    async open() {
      server = await startPostgres();
      await dbMigrate(server.url);
      for (let i = 0; i < 3; i++) dbs.push(await openDb(server.url));
      return { url: server.url, dbs };
    },
    async close() {
      await Promise.all(dbs.map((db) => db.$disconnect()));
      await server?.stop();
    },
  };
}

const backends: [string, () => Backend, boolean, 'sqlite' | 'postgresql'][] = [
  ['SQLite (one file, three clients)', sqliteBackend, true, 'sqlite'],
  [`PostgreSQL${pg.ok ? '' : ` (skipped: ${pg.reason})`}`, postgresBackend, pg.ok, 'postgresql'],
];

describe.each(backends)('leases on %s', (_label, makeBackend, enabled, kind) => {
  const backend = makeBackend();
  let a: Db, b: Db, c: Db;
  let url = '';

  beforeAll(async () => {
    if (!enabled) return;
    const opened = await backend.open();
    url = opened.url;
    [a, b, c] = opened.dbs as [Db, Db, Db];
  });
  afterAll(() => (enabled ? backend.close() : undefined));

  it.skipIf(!enabled)('lets exactly one of three racing processes win each lease: new, then expired', async () => {
    const workers = await startRaceWorkers(url, ['p1', 'p2', 'p3']);
    try {
      const fresh = Array.from({ length: 12 }, (_, i) => `race-new-${i}`);
      const first = await workers.race(fresh, T0, TTL);
      for (const name of fresh) {
        const tokens = first.map((r) => r.tokens[name]).filter((t) => t !== null);
        expect(tokens, name).toEqual([1]);
      }
      // Leases held by a process that died: all three race to take each over once it has expired.
      const expired = Array.from({ length: 12 }, (_, i) => `race-expired-${i}`);
      for (const name of expired) expect(await acquireLease(a, { name, owner: 'dead', ttlMs: TTL, now: T0 })).toMatchObject({ token: 1 });
      expect((await workers.race(expired, at(TTL - 1), TTL)).every((r) => Object.values(r.tokens).every((t) => t === null))).toBe(true);
      const second = await workers.race(expired, at(TTL), TTL);
      for (const name of expired) {
        const tokens = second.map((r) => r.tokens[name]).filter((t) => t !== null);
        expect(tokens, name).toEqual([2]);
      }
    } finally {
      await workers.stop();
    }
  });

  it.skipIf(!enabled)('keeps the lease with its holder until it expires, then hands it over', async () => {
    const first = await acquireLease(a, { name: 'digest', owner: 'A', ttlMs: TTL, now: T0 });
    expect(first).toEqual({ token: 1, expiresAt: at(TTL) });
    expect(await acquireLease(b, { name: 'digest', owner: 'B', ttlMs: TTL, now: at(TTL - 1) })).toBeNull();
    // The holder acquiring again is a renewal: same token, later expiry.
    expect(await acquireLease(a, { name: 'digest', owner: 'A', ttlMs: TTL, now: at(10_000) })).toEqual({ token: 1, expiresAt: at(10_000 + TTL) });
    expect(await acquireLease(b, { name: 'digest', owner: 'B', ttlMs: TTL, now: at(TTL + 1) })).toBeNull();
    const taken = await acquireLease(b, { name: 'digest', owner: 'B', ttlMs: TTL, now: at(10_000 + TTL) });
    expect(taken).toEqual({ token: 2, expiresAt: at(10_000 + 2 * TTL) });
    expect(await leasesHeldBy(c, 'B', at(10_000 + TTL))).toEqual([{ name: 'digest', token: 2, expiresAt: at(10_000 + 2 * TTL) }]);
    expect(await leasesHeldBy(c, 'A', at(10_000 + TTL))).toEqual([]);
  });

  it.skipIf(!enabled)('renews only with the current token, and a release frees the lease at once', async () => {
    const lease = (await acquireLease(a, { name: 'outbox', owner: 'A', ttlMs: TTL, now: T0 }))!;
    expect(await renewLease(a, { name: 'outbox', owner: 'A', token: lease.token, ttlMs: TTL, now: at(20_000) })).toBe(true);
    expect(await acquireLease(b, { name: 'outbox', owner: 'B', ttlMs: TTL, now: at(TTL + 1) })).toBeNull(); // renewed past that
    expect(await renewLease(a, { name: 'outbox', owner: 'A', token: lease.token + 1, ttlMs: TTL, now: at(20_000) })).toBe(false);
    expect(await releaseLease(b, { name: 'outbox', owner: 'B', token: lease.token })).toBe(false);
    expect(await releaseLease(a, { name: 'outbox', owner: 'A', token: lease.token })).toBe(true);
    const next = await acquireLease(b, { name: 'outbox', owner: 'B', ttlMs: TTL, now: at(21_000) });
    expect(next?.token).toBe(lease.token + 1);
    expect(await renewLease(a, { name: 'outbox', owner: 'A', token: lease.token, ttlMs: TTL, now: at(22_000) })).toBe(false);
  });

  it.skipIf(!enabled)("refuses the old owner's effect with its stale token, inside the transaction", async () => {
    const name = 'ingest:course-1';
    const old = (await acquireLease(a, { name, owner: 'A', ttlMs: TTL, now: T0 }))!;
    const fresh = (await acquireLease(b, { name, owner: 'B', ttlMs: TTL, now: at(TTL + 1) }))!;
    expect(fresh.token).toBeGreaterThan(old.token);
    // A does not know it lost the lease (its clock still says it is valid): the token refuses it.
    const stale = a.$transaction(async (tx) => {
      await tx.jobRun.create({ data: { jobName: name, owner: 'A', startedAt: at(1000), summary: 'stale write' } });
      await assertLeaseHeld(tx, { name, owner: 'A', token: old.token, now: at(1000) });
    });
    await expect(stale).rejects.toBeInstanceOf(LeaseLostError);
    await b.$transaction(async (tx) => {
      await assertLeaseHeld(tx, { name, owner: 'B', token: fresh.token, now: at(TTL + 2) });
      await tx.jobRun.create({ data: { jobName: name, owner: 'B', startedAt: at(TTL + 2), summary: 'fresh write' } });
    });
    const runs = await c.jobRun.findMany({ where: { jobName: name }, select: { owner: true } });
    expect(runs).toEqual([{ owner: 'B' }]);
    // Even the right owner and token are refused once the lease has expired.
    await expect(b.$transaction((tx) => assertLeaseHeld(tx, { name, owner: 'B', token: fresh.token, now: at(2 * TTL + 2) }))).rejects.toThrow(
      /no longer held by B with token 2/,
    );
  });

  // PostgreSQL only: SQLite has one writer at a time, and clients in one process cannot wait on each other.
  it.skipIf(!enabled || kind !== 'postgresql')('makes a takeover wait for the holder transaction that checked its token', async () => {
    const name = 'sweep';
    const held = (await acquireLease(a, { name, owner: 'A', ttlMs: TTL, now: T0 }))!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let checked!: () => void;
    const checkedPromise = new Promise<void>((resolve) => (checked = resolve));
    const effect = a.$transaction(async (tx) => {
      await assertLeaseHeld(tx, { name, owner: 'A', token: held.token, now: at(TTL - 1) });
      checked();
      await gate; // the effect is still being written while B tries to take over
      await tx.jobRun.create({ data: { jobName: name, owner: 'A', startedAt: at(TTL - 1) } });
    });
    await checkedPromise;
    let takeoverDone = false;
    const takeover = acquireLease(b, { name, owner: 'B', ttlMs: TTL, now: at(TTL + 1) }).then((r) => {
      takeoverDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(takeoverDone).toBe(false); // blocked on the lease row the check locked
    release();
    await effect;
    expect(await takeover).toMatchObject({ token: held.token + 1 });
    expect(await b.jobRun.count({ where: { jobName: name, owner: 'A' } })).toBe(1);
  });
});
