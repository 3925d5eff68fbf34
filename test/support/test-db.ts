import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';

const dir = path.join(tmpdir(), 'coursethreads-test-db');
let template: Promise<string> | null = null;

/** One migrated database file per test process, made with the real `prisma migrate deploy`. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `template-${process.pid}-${randomBytes(3).toString('hex')}.db`);
    await migrateDatabase(`file:${file}`);
    return file;
  })();
  return template;
}

export interface TestDb {
  db: Db;
  url: string;
  file: string;
  close(): Promise<void>;
}

/** A fresh, migrated SQLite file (a copy of the template): real database, no shared state between tests. */
export async function createTestDb(): Promise<TestDb> {
  const source = await migratedTemplate();
  const file = path.join(dir, `test-${process.pid}-${randomBytes(6).toString('hex')}.db`);
  copyFileSync(source, file);
  const url = `file:${file}`;
  const db = await openDb(url);
  return {
    db,
    url,
    file,
    async close() {
      await db.$disconnect();
      for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(file + suffix)) rmSync(file + suffix);
    },
  };
}
