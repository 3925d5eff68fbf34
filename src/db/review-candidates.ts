// The review-completion sweep's candidate query (src/reviews/refresh-completion.ts): raw SQL stays in src/db.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './client.js';

export interface ReviewCandidate {
  id: string;
  roundId: string;
  reviewerStudentId: string;
  essayId: string | null;
  slotKey: string;
}

/**
 * Pending assignments that some long-enough comment by their reviewer could complete. The join runs
 * in the database (plain SQL, the same on SQLite and PostgreSQL), so a sweep of a course where nobody
 * commented since the last one reads no assignment rows at all. \`status || ''\` keeps SQLite off the
 * status index (every pending row of every course) and on the (roundId, ...) unique index.
 */
export function pendingReviewCandidates(db: Db, roundIds: string[], minWords: number): Promise<ReviewCandidate[]> {
  return db.$queryRaw<ReviewCandidate[]>`
    SELECT a."id", a."roundId", a."reviewerStudentId", a."essayId", a."slotKey"
    FROM "Assignment" a
    WHERE a."roundId" IN (${Prisma.join(roundIds)}) AND a."status" || '' = 'pending'
      AND EXISTS (
        SELECT 1 FROM "Comment" c
        WHERE c."authorStudentId" = a."reviewerStudentId" AND c."wordCount" >= ${minWords} AND c."deletedAt" IS NULL
          AND (a."essayId" IS NULL OR c."essayId" = a."essayId")
      )`;
}
