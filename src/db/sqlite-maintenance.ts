import type { Db } from './client.js';

// SQLite's file-level housekeeping, run after a purge (src/privacy/scrub-freed-pages.ts decides when).
// PostgreSQL has no equivalent to run from here: its autovacuum reclaims dead rows (docs/data.md).

/** SQLite answers this; PostgreSQL rejects it, which is how the two are told apart without a URL. */
export async function isSqliteDatabase(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()');
    return true;
  } catch {
    return false;
  }
}

/** SQLite overwrites deleted content (secure_delete) on this connection from now on. */
export async function enableSecureDelete(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
}

/** True when every WAL frame reached the database and the WAL file was cut to zero bytes. */
export async function checkpointAndTruncateWal(db: Db): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<Array<{ busy: bigint | number; log: bigint | number }>>('PRAGMA wal_checkpoint(TRUNCATE)');
  const row = rows[0];
  return row !== undefined && Number(row.busy) === 0;
}

/** Rebuilds the file so no free page keeps a deleted row's bytes. */
export async function vacuumDatabase(db: Db): Promise<void> {
  await db.$executeRawUnsafe('VACUUM');
}
