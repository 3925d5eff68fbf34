import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';
import type { SealedSecretColumns } from './sealed-secrets.js';

// A course's blog: its address and kind (on the Course row) and its sealed credentials (BlogSecret, one per
// course). Only sealed text is stored or returned here; opening it is src/privacy's business.

/** The course's blog kind and address, what a new BlogSource needs besides credentials. */
export function courseBlogAddress(db: Db, courseId: string): Promise<{ blogKind: string; blogUrl: string }> {
  return courseById(db, courseId, { blogKind: true, blogUrl: true });
}

/** The course's blog address with its sealed credentials (null: none) and when they last changed, for the per-course BlogSource cache. */
export function courseBlogWithSecret(db: Db, courseId: string) {
  return courseById(db, courseId, {
    blogKind: true,
    blogUrl: true,
    secret: { select: { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true, updatedAt: true } },
  });
}

/** Stores the first sealed credentials of a course just created (in the setup transaction). */
export async function insertBlogSecret(tx: Tx | Db, courseId: string, sealed: SealedSecretColumns): Promise<void> {
  await tx.blogSecret.create({ data: { courseId, ...sealed } });
}

/** Replaces the course's sealed credentials, or stores them when it had none. */
export async function saveBlogSecret(tx: Tx | Db, courseId: string, sealed: SealedSecretColumns): Promise<void> {
  await tx.blogSecret.upsert({ where: { courseId }, create: { courseId, ...sealed }, update: sealed });
}
