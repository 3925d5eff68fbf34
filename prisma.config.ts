import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// Prisma 6.19 with the JavaScript engine: every Prisma command works from the npm registry alone
// (no engine binary download). SQLite through better-sqlite3; PostgreSQL migrations are applied by
// scripts/db-migrate.ts itself because `migrate deploy` cannot read PostgreSQL with the js engine.
// The schema's datasource reads env("DATABASE_URL"); when it is unset the CLI would fall back to
// downloading a query engine, so the default is set here, before the schema is read.
// This config serves SQLite only (PostgreSQL has prisma/postgres/prisma.config.ts), so a PostgreSQL URL in
// the environment (a CI job, a multi-process deployment) must not reach it either.
if (!process.env.DATABASE_URL?.startsWith('file:')) process.env.DATABASE_URL = 'file:./data/coursethreads.db';
// The adapter cannot create the folder; without it the CLI fails with an opaque "External error".
mkdirSync(path.dirname(path.resolve(process.env.DATABASE_URL.slice('file:'.length))), { recursive: true });

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL!;
    return new PrismaBetterSQLite3({ url });
  },
});
