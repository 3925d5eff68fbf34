import type { Db, Tx } from '../client.js';

// A course's blog: its address and kind (on the Course row) and its sealed credentials (BlogSecret, one per
// course). Only sealed text is stored or returned here; opening it is src/privacy's business.

/** The columns of a sealed secret (src/privacy/secret-box.ts SealedSecret), as stored beside the course id. */
export interface SealedColumns {
  format: number;
  keyVersion: number;
  iv: string;
  authTag: string;
  ciphertext: string;
}

/** The course's blog kind and address, what a new BlogSource needs besides credentials. */
export function courseBlogAddress(db: Db, courseId: string): Promise<{ blogKind: string; blogUrl: string }> {
  return db.course.findUniqueOrThrow({ where: { id: courseId }, select: { blogKind: true, blogUrl: true } });
}

/** The course's blog address with its sealed credentials (null: none) and when they last changed, for the per-course BlogSource cache. */
export function courseBlogWithSecret(db: Db, courseId: string) {
  return db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      blogKind: true,
      blogUrl: true,
      secret: { select: { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true, updatedAt: true } },
    },
  });
}

/** Stores the first sealed credentials of a course just created (in the setup transaction). */
export async function insertBlogSecret(tx: Tx | Db, courseId: string, sealed: SealedColumns): Promise<void> {
  await tx.blogSecret.create({ data: { courseId, ...sealed } });
}

/** Replaces the course's sealed credentials, or stores them when it had none. */
export async function saveBlogSecret(tx: Tx | Db, courseId: string, sealed: SealedColumns): Promise<void> {
  await tx.blogSecret.upsert({ where: { courseId }, create: { courseId, ...sealed }, update: sealed });
}
