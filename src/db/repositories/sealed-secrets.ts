import type { Db, Tx } from '../client.js';

// The two tables whose rows hold a secret sealed with COURSETHREADS_SECRET_KEYS (src/privacy/sealed-tables.ts
// reads and re-seals them the same way): BlogSecret (blog credentials) and PushLink (push signing secret).

/** The columns of a sealed secret (src/privacy/secret-box.ts SealedSecret): what a seal or a re-seal writes. */
export interface SealedSecretColumns {
  format: number;
  keyVersion: number;
  iv: string;
  authTag: string;
  ciphertext: string;
}

/** A sealed secret as its row stores it, with the course it belongs to. */
export type SealedSecretRow = SealedSecretColumns & { courseId: string };

const sealedColumns = { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true } as const;

/** What a re-seal asks of either table; Prisma's BlogSecret and PushLink delegates both fit it. */
interface SealedSecretTable {
  findMany(args: { select: { courseId: true }; orderBy: { courseId: 'asc' } }): Promise<Array<{ courseId: string }>>;
  findUnique(args: { where: { courseId: string }; select: typeof sealedColumns }): Promise<SealedSecretRow | null>;
  updateMany(args: { where: SealedSecretRow; data: SealedSecretColumns }): Promise<{ count: number }>;
}

/** Reads and writes of one table's sealed secrets, the same queries for both tables. */
function sealedSecretsOf(table: (db: Tx | Db) => SealedSecretTable) {
  return {
    /** Ids of the courses that have a row in the table, in id order. */
    courseIds: async (db: Db): Promise<string[]> =>
      (await table(db).findMany({ select: { courseId: true }, orderBy: { courseId: 'asc' } })).map((r) => r.courseId),
    /** The course's sealed secret, or null when it has no row. */
    read: (tx: Tx | Db, courseId: string): Promise<SealedSecretRow | null> => table(tx).findUnique({ where: { courseId }, select: sealedColumns }),
    /** Replaces the secret only if the row is still exactly `was`; false when it changed meanwhile. */
    replace: async (tx: Tx, was: SealedSecretRow, sealed: SealedSecretColumns): Promise<boolean> =>
      (await table(tx).updateMany({ where: was, data: sealed })).count === 1,
  };
}

/** Blog credentials (BlogSecret): none when never set, or purged. */
const blogSecrets = sealedSecretsOf((db) => db.blogSecret);
/** Push signing secrets (PushLink): none when the course has no push link. */
const pushSecrets = sealedSecretsOf((db) => db.pushLink);

export const { courseIds: blogSecretCourseIds, read: readBlogSecret, replace: replaceBlogSecret } = blogSecrets;
export const { courseIds: pushSecretCourseIds, read: readPushSecret, replace: replacePushSecret } = pushSecrets;
