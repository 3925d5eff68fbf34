import type { Db, Tx } from './client.js';

/**
 * Runs `work` in one database transaction: every write inside lands together or not at all. Use cases
 * call this instead of `db.$transaction`, so Prisma stays behind src/db while a use case still decides
 * which writes belong together (an effect queued with the row it is about, for instance). `timeoutMs`
 * is for the long ones (a course purge), whose default of 5 s would be too short on a large course.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return options.timeoutMs === undefined ? db.$transaction(work) : db.$transaction(work, { timeout: options.timeoutMs });
}
