// Writes a new migration for BOTH databases from the change to prisma/schema.prisma:
//   prisma/migrations/<ts>_<name>/migration.sql            (SQLite, applied by `prisma migrate deploy`)
//   prisma/migrations/<ts>_<name>/schema.snapshot.prisma   (the schema this migration leads to)
//   prisma/postgres/migrations/<ts>_<name>/migration.sql   (PostgreSQL, applied by src/db/postgres-migrate.ts)
// `prisma migrate dev` needs a shadow database and `--from-migrations` needs one too, so the previous state
// is the last migration's snapshot, and `prisma migrate diff` (offline) writes the SQL for each provider.
//
// Usage: tsx scripts/new-migration.ts <name>         new migration from the last snapshot to the schema
//        tsx scripts/new-migration.ts --refresh-last rewrite the newest migration (only before it shipped)
//        tsx scripts/new-migration.ts --check        exit 1 when the schema has changes no migration holds
//        (--schema <file> uses another schema file in place of prisma/schema.prisma)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { derivePostgresSchema, SQLITE_SCHEMA } from './derive-postgres-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_MIGRATIONS = path.join(root, 'prisma', 'migrations');
export const POSTGRES_MIGRATIONS = path.join(root, 'prisma', 'postgres', 'migrations');
export const SNAPSHOT_FILE = 'schema.snapshot.prisma';

export function migrationFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * `prisma migrate diff` between two schema files (null = empty database); returns the SQL, '' when equal.
 * The CLI opens the config's adapter even for a datamodel-to-datamodel diff, so it runs with the root
 * (SQLite) config pointed at a throwaway file; the schemas' own providers decide the SQL dialect.
 */
export function diffSchemas(from: string | null, to: string, scratch: string, tag: string): Promise<string> {
  const args = ['migrate', 'diff', '--to-schema-datamodel', to, '--script', '--exit-code'];
  args.push(...(from ? ['--from-schema-datamodel', from] : ['--from-empty']));
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, `${tag}.db`)}` };
  return new Promise((resolve, reject) => {
    execFile(prisma, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      // --exit-code: 0 = no difference, 2 = difference, anything else = failure.
      const code = err ? (err as { code?: unknown }).code : 0;
      if (code === 0) resolve('');
      else if (code === 2) resolve(stdout);
      else reject(new Error(`prisma migrate diff failed (${String(code)}):\n${stderr}${stdout}`));
    });
  });
}

/** Both dialects' SQL from one SQLite schema file (or empty) to another. */
export async function diffBothDialects(from: string | null, to: string): Promise<{ sqlite: string; postgres: string }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ct-migration-'));
  try {
    const pg = (file: string, tag: string): string => {
      const out = path.join(scratch, `${tag}.postgres.prisma`);
      writeFileSync(out, derivePostgresSchema(readFileSync(file, 'utf8')));
      return out;
    };
    const [sqlite, postgres] = await Promise.all([
      diffSchemas(from, to, scratch, 'sqlite'),
      diffSchemas(from ? pg(from, 'from') : null, pg(to, 'to'), scratch, 'postgres'),
    ]);
    return { sqlite, postgres };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function snapshotOf(folder: string | undefined): string | null {
  if (!folder) return null;
  const file = path.join(SQLITE_MIGRATIONS, folder, SNAPSHOT_FILE);
  if (!existsSync(file)) {
    throw new Error(`cannot reconstruct the schema before the new migration: ${file} is missing`);
  }
  return file;
}

function timestamp(after: string | undefined): string {
  let ts = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const last = after?.slice(0, 14);
  // Folder order is apply order: never sort before the newest migration, even with a clock behind.
  if (last && ts <= last) ts = String(BigInt(last) + 1n);
  return ts;
}

function writeMigration(folder: string, schema: string, sql: { sqlite: string; postgres: string }): void {
  for (const [dir, text] of [
    [SQLITE_MIGRATIONS, sql.sqlite],
    [POSTGRES_MIGRATIONS, sql.postgres],
  ] as const) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, 'migration.sql'), text);
  }
  copyFileSync(schema, path.join(SQLITE_MIGRATIONS, folder, SNAPSHOT_FILE));
  const lock = path.join(POSTGRES_MIGRATIONS, 'migration_lock.toml');
  if (!existsSync(lock)) writeFileSync(lock, '# Applied by src/db/postgres-migrate.ts (npm run db:migrate).\nprovider = "postgresql"\n');
}

async function main(args: string[]): Promise<number> {
  const flag = args.indexOf('--schema');
  // --schema stands in another file for prisma/schema.prisma (tests check with an edited copy).
  const schema = flag >= 0 && args[flag + 1] ? path.resolve(args[flag + 1]!) : SQLITE_SCHEMA;
  if (flag >= 0) args = args.filter((_, i) => i !== flag && i !== flag + 1);
  const folders = migrationFolders(SQLITE_MIGRATIONS);
  const last = folders.at(-1);
  if (args.includes('--check')) {
    const pending = await diffBothDialects(snapshotOf(last), schema);
    if (!pending.sqlite && !pending.postgres) return 0;
    console.error('prisma/schema.prisma has changes no migration holds: run `npm run db:new-migration <name>`.');
    return 1;
  }
  if (args.includes('--refresh-last')) {
    if (!last) throw new Error('no migration to refresh');
    writeMigration(last, schema, await diffBothDialects(snapshotOf(folders.at(-2)), schema));
    console.log(`rewrote ${last} for SQLite and PostgreSQL`);
    return 0;
  }
  const name = args
    .find((a) => !a.startsWith('--'))
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) {
    console.error('usage: npm run db:new-migration <name>   (or --refresh-last, --check)');
    return 2;
  }
  const sql = await diffBothDialects(snapshotOf(last), schema);
  if (!sql.sqlite && !sql.postgres) {
    console.log('prisma/schema.prisma matches the last migration: nothing to write.');
    return 0;
  }
  const folder = `${timestamp(last)}_${name}`;
  writeMigration(folder, schema, sql);
  console.log(`wrote prisma/migrations/${folder} and prisma/postgres/migrations/${folder}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
