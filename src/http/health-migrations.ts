import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseKind } from '../db/client.js';
import type { Db } from '../db/client.js';
import { MIGRATIONS_TABLE } from '../db/migrations-table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The migration folders this build ships (read once: they only change with a deploy). */
function shippedMigrations(kind: 'sqlite' | 'postgresql'): string[] {
  const dir = kind === 'sqlite' ? path.join(root, 'prisma', 'migrations') : path.join(root, 'prisma', 'postgres', 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/**
 * Migrations this build ships that the database has not recorded as applied, read through the bot's own
 * connection: SQLite keeps Prisma's `_prisma_migrations`, PostgreSQL the project's own table (postgres-migrate.ts).
 */
export function pendingMigrationsReader(databaseUrl: string): (db: Db) => Promise<string[]> {
  const kind = databaseKind(databaseUrl);
  const shipped = shippedMigrations(kind);
  const sql = kind === 'sqlite'
    ? 'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'
    : `SELECT name FROM "${MIGRATIONS_TABLE}"`;
  return async (db) => {
    const applied = new Set((await db.$queryRawUnsafe<Array<{ name: string }>>(sql)).map((row) => row.name));
    return shipped.filter((name) => !applied.has(name));
  };
}
