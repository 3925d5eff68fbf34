import { randomBytes } from 'node:crypto';

/** Unique ids for bulk inserts (createMany bypasses Prisma's cuid default only when ids are given). */
export function createId(): string {
  return `b${randomBytes(12).toString('hex')}`;
}
