import type { Db } from '../db/client.js';

/** SQLite answers this; PostgreSQL rejects it, which is how the two are told apart without a URL. */
async function isSqlite(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()');
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes SQLite overwrite deleted content (secure_delete) on this connection. Call before a purge:
 * without it the bytes of deleted rows stay in free pages and can be read from the file.
 */
export async function prepareSecureDelete(db: Db): Promise<boolean> {
  if (!(await isSqlite(db))) return false;
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
  return true;
}

/** True when every WAL frame reached the database and the WAL file was cut to zero bytes. */
async function checkpointTruncate(db: Db): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<Array<{ busy: bigint | number; log: bigint | number }>>('PRAGMA wal_checkpoint(TRUNCATE)');
  const row = rows[0];
  return row !== undefined && Number(row.busy) === 0;
}

/**
 * After a purge: copies the WAL into the database and empties it, then VACUUM rebuilds the file so no
 * free page or old page image keeps a deleted row. Best effort: another process holding the file open
 * can make VACUUM busy; secure_delete has already zeroed the rows, so false means "not compacted", not
 * "still there". PostgreSQL: false (its autovacuum reclaims dead rows; see docs/data.md).
 */
export async function scrubFreedPages(db: Db): Promise<boolean> {
  if (!(await isSqlite(db))) return false;
  try {
    if (!(await checkpointTruncate(db))) return false;
    await db.$executeRawUnsafe('VACUUM');
    return await checkpointTruncate(db);
  } catch {
    return false;
  }
}
