// npm run db:migrate — brings the database named by DATABASE_URL up to the committed migrations.
// SQLite (default): `prisma migrate deploy` with prisma/migrations.
// PostgreSQL: src/db/postgres-migrate.ts applies prisma/postgres/migrations itself, because
// `prisma migrate deploy` cannot read PostgreSQL with the js engine in Prisma 6.19.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { databaseKind, sqliteFilePath } from '../src/db/client.js';
import { findProjectRoot } from '../src/db/migrate.js';
import { migratePostgres } from '../src/db/postgres-migrate.js';

// Walked up to, not `..`: this runs from scripts/ under tsx and from dist/scripts compiled.
const root = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
// Same default as prisma.config.ts, so `npm run db:migrate` and the bot agree on the file.
const url = process.env.DATABASE_URL ?? 'file:./data/coursethreads.db';

async function main(): Promise<number> {
  if (databaseKind(url) === 'postgresql') {
    const dir = path.join(root, 'prisma', 'postgres', 'migrations');
    const result = await migratePostgres(url, dir, { info: (obj) => console.log(`applied ${(obj as { migration: string }).migration}`) });
    console.log(`PostgreSQL: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied.`);
    return 0;
  }
  const file = sqliteFilePath(url);
  // The adapter cannot create the folder, and the CLI then fails with an opaque "External error".
  // Relative paths are resolved from the repository root, where the CLI below runs.
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  const prisma = path.join(root, 'node_modules', '.bin', 'prisma');
  const run = spawnSync(prisma, ['migrate', 'deploy'], { cwd: root, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
  return run.status ?? 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
