import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MIGRATIONS_TABLE } from './migrations-table.js';
import { pendingMigrations } from './pending-migrations.js';

// `prisma migrate deploy` cannot read PostgreSQL with the js engine (Prisma 6.19), so the committed
// PostgreSQL SQL (prisma/postgres/migrations/<folder>/migration.sql) is applied here: in folder order,
// each migration in its own transaction together with its record, so a failure leaves nothing half-done.

/** The few parts of node-postgres used here (the package ships no types and @types/pg is not installed). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (opts: { connectionString: string }) => PgClient };

export interface MigrateLogger {
  info(obj: object, msg?: string): void;
}

/** Any constant: it makes two processes running db:migrate at once take turns instead of colliding. */
const ADVISORY_LOCK_KEY = 727_001;

export class MigrationChangedError extends Error {
  constructor(
    readonly migration: string,
    reason: string,
  ) {
    super(
      `PostgreSQL migration ${migration} ${reason}. Applied migrations must not change: restore the ` +
        'committed file and put the change in a new migration (npm run db:new-migration <name>).',
    );
    this.name = 'MigrationChangedError';
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** SHA-256 of the SQL with line endings normalised, so a Windows checkout does not look like an edit. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`no PostgreSQL migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies every migration in `dir` not yet recorded in the database at `url`. Refuses to apply anything
 * when a recorded migration's file has changed or disappeared since it was applied.
 */
export async function migratePostgres(url: string, dir: string, log?: MigrateLogger): Promise<MigrateResult> {
  const files = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
         name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`);
    const recorded = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const [name, checksum] of recorded) {
      const file = byName.get(name);
      if (!file) throw new MigrationChangedError(name, `was applied but its folder is missing from ${dir}`);
      if (file.checksum !== checksum) {
        throw new MigrationChangedError(name, `was applied with checksum ${checksum.slice(0, 12)}… but its file now has ${file.checksum.slice(0, 12)}…`);
      }
    }
    const applied: string[] = [];
    const pending = new Set(
      pendingMigrations(
        files.map((f) => f.name),
        recorded.keys(),
      ),
    );
    for (const file of files.filter((f) => pending.has(f.name))) {
      await client.query('BEGIN');
      try {
        // No parameters: node-postgres then uses the simple protocol, which runs several statements.
        await client.query(file.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration ${file.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file.name);
      log?.info({ migration: file.name }, 'applied PostgreSQL migration');
    }
    return { applied, alreadyApplied: [...recorded.keys()] };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
