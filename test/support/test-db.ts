import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { createTestDatabase } from './postgres-server.js';

const dir = path.join(tmpdir(), 'coursethreads-test-db');
let template: Promise<string> | null = null;

/** Which database the application suite runs on: `TEST_DATABASE=postgresql` (vitest project integration-pg) or SQLite. */
export function testDatabaseKind(): 'sqlite' | 'postgresql' {
  return process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite';
}

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
  /** The SQLite file; '' on PostgreSQL (tests that read the file's bytes are SQLite-only). */
  file: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: real database, no shared state between tests. SQLite by default (a copy
 * of a migrated template file); with TEST_DATABASE=postgresql a new database on the test process's
 * throwaway PostgreSQL server (a copy of a migrated template database, see postgres-server.ts).
 */
export async function createTestDb(): Promise<TestDb> {
  if (testDatabaseKind() === 'postgresql') {
    const url = await createTestDatabase();
    const db = await openDb(url);
    // The database itself goes with the server when the test process exits.
    return { db, url, file: '', close: () => db.$disconnect() };
  }
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
