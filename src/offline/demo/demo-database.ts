import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeDb, openDb } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import type { OfflineDatabase } from '../offline-world.js';

/** A migrated SQLite file in a fresh temporary folder, removed on close: the demo leaves nothing behind. */
export async function openDemoDatabase(): Promise<OfflineDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coursethreads-demo-'));
  const url = `file:${path.join(dir, 'demo.db')}`;
  await migrateDatabase(url);
  const db = await openDb(url);
  return {
    db,
    url,
    async close() {
      await closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
