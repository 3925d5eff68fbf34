import type { Db, Tx } from '../db/client.js';
import {
  blogSecretCourseIds,
  pushSecretCourseIds,
  readBlogSecret,
  readPushSecret,
  replaceBlogSecret,
  replacePushSecret,
} from '../db/repositories/sealed-secrets.js';
import type { SealedSecret, StoredSecret } from './secret-box.js';

/** What a push link's secret is sealed for (src/courses/push-credentials.ts seals it so). */
export const pushSecretBinding = (courseId: string) => `push:${courseId}`;

type SealedRow = SealedSecret & { courseId: string };

/**
 * Every table that keeps a secret sealed with COURSETHREADS_SECRET_KEYS, read and written the same way, so
 * key rotation (secrets:reseal) and the start-up check cover them all. `boundTo` is the associated data each
 * row was sealed for: the course id for blog credentials, `push:<course id>` for push signing secrets.
 */
export interface SealedTable {
  /** How the operator's report names it: "Blog secrets", "Push secrets". */
  label: string;
  /** How an error line names one row: "course <id>", "push secret of course <id>". */
  rowName(courseId: string): string;
  boundTo(courseId: string): string;
  courseIds(db: Db): Promise<string[]>;
  read(tx: Tx | Db, courseId: string): Promise<SealedRow | null>;
  /** Replaces the row only if it is still exactly `was`; false when it changed meanwhile. */
  replace(tx: Tx, was: SealedRow, sealed: SealedSecret): Promise<boolean>;
}

export const blogSecrets: SealedTable = {
  label: 'Blog secrets',
  rowName: (courseId) => `course ${courseId}`,
  boundTo: (courseId) => courseId,
  courseIds: blogSecretCourseIds,
  read: readBlogSecret,
  replace: replaceBlogSecret,
};

export const pushSecrets: SealedTable = {
  label: 'Push secrets',
  rowName: (courseId) => `push secret of course ${courseId}`,
  boundTo: pushSecretBinding,
  courseIds: pushSecretCourseIds,
  read: readPushSecret,
  replace: replacePushSecret,
};

export const sealedTables = [blogSecrets, pushSecrets];

/** The row as SecretBox.open wants it: the associated data in place of the course id. */
export const asStored = (table: SealedTable, row: SealedRow): StoredSecret => ({ ...row, courseId: table.boundTo(row.courseId) });
