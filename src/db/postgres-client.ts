import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma-postgres/client.js';
import type { Db } from './client.js';

/**
 * Opens PostgreSQL through @prisma/adapter-pg with the client generated from prisma/postgres/schema.prisma.
 * That schema is derived from the SQLite one (only the provider differs, a test keeps them in step), so
 * the two clients have the same model and the PostgreSQL one is handed out as the SQLite `Db` type.
 */
export async function openPostgresDb(url: string): Promise<Db> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  // Fail at startup, with the server's message, rather than on the first query of a job.
  await db.$connect();
  await db.$queryRawUnsafe('SELECT 1');
  return db as unknown as Db;
}
