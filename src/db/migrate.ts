import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { databaseKind, sqliteFilePath } from './client.js';
import { APPLIED_MIGRATIONS_SQL, migrationsDir, pendingMigrations, projectRoot as root, shippedMigrations } from './pending-migrations.js';
export { findProjectRoot } from './pending-migrations.js';

/** Migration folders not yet recorded as finished in the SQLite file (all of them for a new file). */
export function pendingSqliteMigrations(file: string): string[] {
  const shipped = shippedMigrations('sqlite');
  if (!existsSync(file)) return shipped;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!hasTable) return shipped;
    return pendingMigrations(
      shipped,
      db
        .prepare(APPLIED_MIGRATIONS_SQL.sqlite)
        .all()
        .map((r) => (r as { name: string }).name),
    );
  } finally {
    db.close();
  }
}

export interface MigrationLog {
  info(obj: object, msg?: string): void;
}

/**
 * Brings the database up to the committed migrations: SQLite through `prisma migrate deploy`,
 * PostgreSQL through our own runner (prisma cannot deploy to PostgreSQL with the js engine).
 * Checked in-process first: a start on an up-to-date database spawns no CLI (it costs a second or more).
 */
export async function migrateDatabase(url: string, log?: MigrationLog): Promise<void> {
  if (databaseKind(url) === 'postgresql') {
    // Loaded only for PostgreSQL: node-postgres is not needed by a bot on SQLite.
    const { migratePostgres } = await import('./postgres-migrate.js');
    const result = await migratePostgres(url, migrationsDir('postgresql'));
    if (result.applied.length > 0) log?.info({ migrations: result.applied }, 'applied pending database migrations');
    return;
  }
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Another bot process may have the file open: `migrate deploy` would wait on its lock for nothing.
  const pending = file === ':memory:' ? [] : pendingSqliteMigrations(path.resolve(file));
  if (file !== ':memory:' && pending.length === 0) return;
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(prisma, ['migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${path.resolve(file)}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
  log?.info({ migrations: pending }, 'applied pending database migrations');
}
