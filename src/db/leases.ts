import type { Db } from './client.js';
import { databaseNow } from './db-clock.js';
import { isUniqueViolation } from './db-errors.js';

// Job leases with fencing tokens, on SQLite and PostgreSQL alike. Every statement that decides who holds
// a lease is one conditional UPDATE (Prisma `updateMany`), which both databases evaluate atomically:
// PostgreSQL re-checks the WHERE on the newest row version after waiting for a concurrent writer, and
// SQLite runs one writer at a time. The row is created on first use, a duplicate create losing with P2002.
//
// `owner` must be unique per process start (e.g. `${hostname}:${pid}:${random}`): a restarted process is
// a new owner, so its takeover raises the token and fences off anything the old incarnation still does.
//
// Times come from the database's clock (db-clock.ts), never the process's: with each process's own clock, a
// machine running a lease ahead would take over a lease its live holder keeps renewing. `now` is only for
// tests of these rules at simulated times.

/** Db or the client inside `$transaction(async (tx) => ...)`: only the lease table is needed. */
export type LeaseDb = Pick<Db, 'jobLease' | '$queryRawUnsafe'>;

export interface Lease {
  /** Fencing token: grows by one every time the lease changes owner. Pass it to assertLeaseHeld. */
  token: number;
  expiresAt: Date;
}

export class LeaseLostError extends Error {
  constructor(
    readonly lease: string,
    readonly owner: string,
    readonly token: number,
  ) {
    super(`lease ${lease} is no longer held by ${owner} with token ${token}; its effects were not written`);
    this.name = 'LeaseLostError';
  }
}

interface LeaseArgs {
  name: string;
  owner: string;
  /** Tests only (simulated time). Omitted, the database's clock decides. */
  now?: Date;
}

/**
 * Takes the lease when it is free, expired or already ours (then it is extended with the same token).
 * Returns null when another owner holds it. Never waits.
 */
export async function acquireLease(db: LeaseDb, args: LeaseArgs & { ttlMs: number }): Promise<Lease | null> {
  const { name, owner } = args;
  const now = args.now ?? (await databaseNow(db));
  const expiresAt = new Date(now.getTime() + args.ttlMs);
  // Ours already (even if it lapsed, nobody took it, so nothing was fenced): extend, keep the token.
  let changed = await db.jobLease.updateMany({ where: { name, owner }, data: { expiresAt, renewedAt: now } });
  if (changed.count === 0) {
    // Someone else's and expired: take it over with a bigger token.
    changed = await db.jobLease.updateMany({
      where: { name, expiresAt: { lte: now } },
      data: { owner, fencingToken: { increment: 1 }, expiresAt, acquiredAt: now, renewedAt: now },
    });
  }
  if (changed.count === 0) {
    const exists = await db.jobLease.findUnique({ where: { name }, select: { name: true } });
    if (exists) return null;
    try {
      await db.jobLease.create({ data: { name, owner, fencingToken: 1, expiresAt, acquiredAt: now, renewedAt: now } });
    } catch (err) {
      if (isUniqueViolation(err)) return null; // another process created it first
      throw err;
    }
  }
  // Read the token back. Checking the owner keeps this right even if the lease changed hands meanwhile.
  const row = await db.jobLease.findUnique({ where: { name }, select: { owner: true, fencingToken: true, expiresAt: true } });
  return row && row.owner === owner ? { token: row.fencingToken, expiresAt: row.expiresAt } : null;
}

/**
 * Extends a lease we still hold with this token. False when it changed hands (stop the job). A lapsed
 * lease nobody took is extended: no other owner can have written under it.
 */
export async function renewLease(db: LeaseDb, args: LeaseArgs & { token: number; ttlMs: number }): Promise<boolean> {
  const { name, owner, token } = args;
  const now = args.now ?? (await databaseNow(db));
  const expiresAt = new Date(now.getTime() + args.ttlMs);
  const changed = await db.jobLease.updateMany({ where: { name, owner, fencingToken: token }, data: { expiresAt, renewedAt: now } });
  return changed.count === 1;
}

/** Gives the lease up so another process can take it at once. False when it was not ours any more. */
export async function releaseLease(db: LeaseDb, args: Omit<LeaseArgs, 'now'> & { token: number }): Promise<boolean> {
  const { name, owner, token } = args;
  const changed = await db.jobLease.updateMany({ where: { name, owner, fencingToken: token }, data: { expiresAt: new Date(0) } });
  return changed.count === 1;
}

/**
 * Call INSIDE the transaction that writes a job's effects: throws LeaseLostError (rolling the transaction
 * back) unless `owner` still holds the unexpired lease with `token`. The check is an UPDATE, not a
 * SELECT, on purpose: it locks the lease row until commit, so a takeover cannot slip in between this
 * check and the effect on PostgreSQL (READ COMMITTED); SQLite holds its single write lock anyway.
 */
export async function assertLeaseHeld(tx: LeaseDb, args: LeaseArgs & { token: number }): Promise<void> {
  const { name, owner, token } = args;
  const now = args.now ?? (await databaseNow(tx));
  const held = await tx.jobLease.updateMany({
    where: { name, owner, fencingToken: token, expiresAt: { gt: now } },
    data: { fencingToken: token }, // same value: the write is only there to take the row lock
  });
  if (held.count !== 1) throw new LeaseLostError(name, owner, token);
}

/** Leases an owner holds now (by the database's clock unless `now` is given), for /report health and graceful shutdown. */
export async function leasesHeldBy(db: LeaseDb, owner: string, now?: Date): Promise<{ name: string; token: number; expiresAt: Date }[]> {
  const at = now ?? (await databaseNow(db));
  const rows = await db.jobLease.findMany({
    where: { owner, expiresAt: { gt: at } },
    select: { name: true, fencingToken: true, expiresAt: true },
    orderBy: { name: 'asc' },
  });
  return rows.map((r) => ({ name: r.name, token: r.fencingToken, expiresAt: r.expiresAt }));
}

/** Graceful shutdown: gives back every lease `owner` holds, so other processes take them at their next tick. */
export async function releaseLeasesHeldBy(db: LeaseDb, owner: string): Promise<string[]> {
  const released: string[] = [];
  for (const lease of await leasesHeldBy(db, owner)) {
    if (await releaseLease(db, { name: lease.name, owner, token: lease.token })) released.push(lease.name);
  }
  return released;
}

/** Who holds a lease and until when (lapsed or not); null when it was never taken. */
export function leaseHolder(db: LeaseDb, name: string): Promise<{ owner: string; expiresAt: Date } | null> {
  return db.jobLease.findUnique({ where: { name }, select: { owner: true, expiresAt: true } });
}

/** Names of the leases whose row names `owner`, lapsed ones included (nobody took them): the ones to renew first. */
export async function leaseNamesOwnedBy(db: LeaseDb, owner: string, namePrefix: string): Promise<string[]> {
  return (await db.jobLease.findMany({ where: { owner, name: { startsWith: namePrefix } }, select: { name: true } })).map((lease) => lease.name);
}
