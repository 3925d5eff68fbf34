import type { Db } from '../db/client.js';
import { checkpointAndTruncateWal, enableSecureDelete, isSqliteDatabase, vacuumDatabase } from '../db/sqlite-maintenance.js';

/**
 * Makes SQLite overwrite deleted content (secure_delete) on this connection. Call before a purge:
 * without it the bytes of deleted rows stay in free pages and can be read from the file.
 */
export async function prepareSecureDelete(db: Db): Promise<boolean> {
  if (!(await isSqliteDatabase(db))) return false;
  await enableSecureDelete(db);
  return true;
}

/**
 * After a purge: copies the WAL into the database and empties it, then VACUUM rebuilds the file so no
 * free page or old page image keeps a deleted row. Best effort: another process holding the file open
 * can make VACUUM busy; secure_delete has already zeroed the rows, so false means "not compacted", not
 * "still there". PostgreSQL: false (its autovacuum reclaims dead rows; see docs/data.md).
 */
export async function scrubFreedPages(db: Db): Promise<boolean> {
  if (!(await isSqliteDatabase(db))) return false;
  try {
    if (!(await checkpointAndTruncateWal(db))) return false;
    await vacuumDatabase(db);
    return await checkpointAndTruncateWal(db);
  } catch {
    return false;
  }
}
