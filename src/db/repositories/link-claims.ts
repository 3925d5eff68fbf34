// /link claims (src/roster/link-claims.ts): a one-time code's hash, pending until the student posts the code on
// the blog, staff approve the link, a newer code replaces it, or it expires.
import type { Db, Tx } from '../client.js';

/** When the oldest claim of the course still pending and unexpired at `now` was made; null when there is none. */
export async function oldestPendingClaimAt(db: Db, courseId: string, now: Date): Promise<Date | null> {
  const oldest = await db.linkClaim.findFirst({
    where: { courseId, status: 'pending', expiresAt: { gt: now } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return oldest?.createdAt ?? null;
}

/** Marks the student's pending claims expired (a new code replaces them). */
export async function expirePendingClaims(tx: Tx | Db, studentId: string): Promise<void> {
  await tx.linkClaim.updateMany({ where: { studentId, status: 'pending' }, data: { status: 'expired' } });
}

/** Records a pending claim: the hash of the code shown to the student, and when it expires. */
export async function createLinkClaim(
  tx: Tx | Db,
  claim: { courseId: string; studentId: string; blogUsername: string; codeHash: string; expiresAt: Date },
): Promise<void> {
  await tx.linkClaim.create({ data: claim });
}

/** The course's pending, unexpired claims whose code hash is one of these. */
export function pendingClaimsWithCodes(
  db: Db,
  courseId: string,
  now: Date,
  codeHashes: string[],
): Promise<Array<{ id: string; studentId: string; blogUsername: string; codeHash: string }>> {
  return db.linkClaim.findMany({
    where: { courseId, status: 'pending', expiresAt: { gt: now }, codeHash: { in: codeHashes } },
    select: { id: true, studentId: true, blogUsername: true, codeHash: true },
  });
}

/** Confirms this claim if it is still pending; false when another poll confirmed it first. */
export async function confirmClaim(tx: Tx | Db, claimId: string, now: Date): Promise<boolean> {
  const won = await tx.linkClaim.updateMany({ where: { id: claimId, status: 'pending' }, data: { status: 'confirmed', confirmedAt: now } });
  return won.count > 0;
}

/** Confirms every pending claim of the student (staff approved the link without a code). */
export async function confirmPendingClaimsOf(tx: Tx | Db, studentId: string, now: Date): Promise<void> {
  await tx.linkClaim.updateMany({ where: { studentId, status: 'pending' }, data: { status: 'confirmed', confirmedAt: now } });
}

/** Who the link notice goes to: the student's Discord account and their course's name and word minimum; null when the student is gone. */
export function linkNoticeRecipient(
  db: Db,
  studentId: string,
): Promise<{ discordUserId: string | null; course: { name: string; minCommentWords: number } } | null> {
  return db.student.findUnique({
    where: { id: studentId },
    select: { discordUserId: true, course: { select: { name: true, minCommentWords: true } } },
  });
}
