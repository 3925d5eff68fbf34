import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client.js';

/** The database handle every use case receives (ctx.db). Same model on SQLite and PostgreSQL. */
export type Db = PrismaClient;

/** The client inside `db.$transaction(async (tx) => ...)`: the one transaction type every module uses. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function databaseKind(url: string): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

/** Path of a `file:` URL, relative to the working directory like the Prisma CLI resolves it. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

/**
 * Opens the database named by the URL. SQLite runs in WAL mode with a busy timeout so two bot
 * processes can share one file (the lease table keeps their jobs apart).
 */
export async function openDb(url: string): Promise<Db> {
  if (databaseKind(url) === 'postgresql') {
    // Loaded only when asked for: the PostgreSQL client is generated from prisma/postgres/schema.prisma.
    const { openPostgresDb } = await import('./postgres-client.js');
    return openPostgresDb(url);
  }
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 10_000 }) });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}

/** Closes the database handle (shutdown, the end of a script or of the demo). */
export function closeDb(db: Db): Promise<void> {
  return db.$disconnect();
}
