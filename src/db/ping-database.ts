import type { Db } from './client.js';

/** The cheapest round trip that proves the database answers (the readiness check's probe). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRawUnsafe('SELECT 1');
}
