import type { Db, Tx } from '../client.js';

// The two tables whose rows hold a secret sealed with COURSETHREADS_SECRET_KEYS (src/privacy/sealed-tables.ts
// reads and re-seals them the same way): BlogSecret (blog credentials) and PushLink (push signing secret).

/** A sealed secret as its row stores it, with the course it belongs to. */
export interface SealedSecretRow {
  courseId: string;
  format: number;
  keyVersion: number;
  iv: string;
  authTag: string;
  ciphertext: string;
}

/** The columns a re-seal writes (everything but the course id). */
export type SealedSecretColumns = Omit<SealedSecretRow, 'courseId'>;

const sealedColumns = { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true } as const;

/** Ids of the courses that have blog credentials stored, in id order. */
export async function blogSecretCourseIds(db: Db): Promise<string[]> {
  return (await db.blogSecret.findMany({ select: { courseId: true }, orderBy: { courseId: 'asc' } })).map((r) => r.courseId);
}

/** The course's sealed blog credentials, or null when it has none (never set, or purged). */
export function readBlogSecret(tx: Tx | Db, courseId: string): Promise<SealedSecretRow | null> {
  return tx.blogSecret.findUnique({ where: { courseId }, select: sealedColumns });
}

/** Replaces the blog credentials only if the row is still exactly `was`; false when it changed meanwhile. */
export async function replaceBlogSecret(tx: Tx, was: SealedSecretRow, sealed: SealedSecretColumns): Promise<boolean> {
  return (await tx.blogSecret.updateMany({ where: was, data: sealed })).count === 1;
}

/** Ids of the courses that have a push link (and so a push signing secret), in id order. */
export async function pushSecretCourseIds(db: Db): Promise<string[]> {
  return (await db.pushLink.findMany({ select: { courseId: true }, orderBy: { courseId: 'asc' } })).map((r) => r.courseId);
}

/** The course's sealed push signing secret, or null when it has no push link. */
export function readPushSecret(tx: Tx | Db, courseId: string): Promise<SealedSecretRow | null> {
  return tx.pushLink.findUnique({ where: { courseId }, select: sealedColumns });
}

/** Replaces the push signing secret only if the row is still exactly `was`; false when it changed meanwhile. */
export async function replacePushSecret(tx: Tx, was: SealedSecretRow, sealed: SealedSecretColumns): Promise<boolean> {
  return (await tx.pushLink.updateMany({ where: was, data: sealed })).count === 1;
}
