// Which of the migrations this build ships a database has not applied yet: one answer for start-up
// (migrate.ts decides whether to run `prisma migrate deploy`) and for /readyz (an operator sees a
// database left behind by a deploy). SQLite records applied migrations in Prisma's `_prisma_migrations`,
// PostgreSQL in the project's own table (postgres-migrate.ts).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseKind, type Db } from './client.js';
import { MIGRATIONS_TABLE } from './migrations-table.js';

type DatabaseKind = 'sqlite' | 'postgresql';

/**
 * The repository folder holding prisma/ and node_modules/. Found by walking up rather than a fixed `../..`,
 * because this file runs from src/db under tsx and from dist/src/db in the compiled build (`npm start`).
 */
export function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'prisma', 'migrations'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no prisma/migrations folder above ${from}: run the bot from its repository (npm start)`);
  }
}
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

export function migrationsDir(kind: DatabaseKind): string {
  return kind === 'sqlite' ? path.join(projectRoot, 'prisma', 'migrations') : path.join(projectRoot, 'prisma', 'postgres', 'migrations');
}

/** The migration folders this build ships, in the order they apply. */
export function shippedMigrations(kind: DatabaseKind): string[] {
  const dir = migrationsDir(kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The query that lists applied migrations by name; a SQLite migration that failed or was rolled back does not count. */
export const APPLIED_MIGRATIONS_SQL: Record<DatabaseKind, string> = {
  sqlite: 'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  postgresql: `SELECT name FROM "${MIGRATIONS_TABLE}"`,
};

/** The shipped migrations not among the applied ones, in order. */
export function pendingMigrations(shipped: readonly string[], applied: Iterable<string>): string[] {
  const done = new Set(applied);
  return shipped.filter((name) => !done.has(name));
}

/** For /readyz: the pending migrations, read through the bot's own connection (the shipped list is read once). */
export function pendingMigrationsReader(databaseUrl: string): (db: Db) => Promise<string[]> {
  const kind = databaseKind(databaseUrl);
  const shipped = shippedMigrations(kind);
  return async (db) =>
    pendingMigrations(
      shipped,
      (await db.$queryRawUnsafe<Array<{ name: string }>>(APPLIED_MIGRATIONS_SQL[kind])).map((row) => row.name),
    );
}
