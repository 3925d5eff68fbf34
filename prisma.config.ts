import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// Prisma 6.19 with the JavaScript engine: every Prisma command works from the npm registry alone
// (no engine binary download). SQLite through better-sqlite3; PostgreSQL migrations are applied by
// scripts/db-migrate.ts itself because `migrate deploy` cannot read PostgreSQL with the js engine.
// The schema's datasource reads env("DATABASE_URL"); when it is unset the CLI would fall back to
// downloading a query engine, so the default is set here, before the schema is read.
process.env.DATABASE_URL ??= 'file:./data/coursethreads.db';

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL ?? 'file:./data/coursethreads.db';
    return new PrismaBetterSQLite3({ url });
  },
});
