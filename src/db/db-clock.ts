import type { Db } from './client.js';

/** Db or a transaction client: only raw queries are needed. */
export type ClockDb = Pick<Db, '$queryRawUnsafe'>;

// Milliseconds since the epoch, from the database server's own clock. PostgreSQL's clock_timestamp() (not
// now(), which is frozen at the start of a transaction); SQLite's julianday('now') has millisecond precision.
const NOW_MS = {
  postgresql: 'SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT) AS ms',
  sqlite: "SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER) AS ms",
};

/**
 * The database's time. Leases and outbox claims compare times written by different processes, so they use
 * this one clock: a process whose own clock is skewed (a machine whose time sync broke) can neither take over
 * what a live process holds nor keep what it lost. SQLite's clock is the one machine that holds the file.
 */
export async function databaseNow(db: ClockDb): Promise<Date> {
  // Prisma's own provider name; transaction clients carry it too.
  const provider = (db as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
  const rows = await db.$queryRawUnsafe<Array<{ ms: bigint | number | string }>>(NOW_MS[provider]);
  const ms = Number(rows[0]?.ms);
  if (!Number.isFinite(ms)) throw new Error(`the database did not tell its time (${provider})`);
  return new Date(ms);
}
