import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma CLI config for the derived PostgreSQL schema (`prisma generate --config prisma/postgres/prisma.config.ts`).
// The CLI validates env("DATABASE_URL") against the schema's provider and, when that fails, falls back to
// downloading a query engine these machines cannot reach: so a SQLite (or missing) URL is replaced by a
// placeholder PostgreSQL URL here. Generation never connects. Migrations are applied by
// scripts/db-migrate.ts, not by `prisma migrate deploy` (which cannot read PostgreSQL with the js engine).
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  process.env.DATABASE_URL = 'postgresql://localhost:5432/coursethreads';
}

export default defineConfig({
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
