// Who reviews what in a round (src/reviews/): the assignment rows, and what completes them. The unique key
// (roundId, reviewerStudentId, slotKey) turns a second insert of the same slot into a unique violation.
import type { Db, Tx } from '../client.js';

export interface NewAssignment {
  roundId: string;
  reviewerStudentId: string;
  essayId: string | null;
  slotKey: string;
}

/** Adds one assignment. Throws a unique violation when the reviewer already has that slot in the round. */
export async function createAssignment(tx: Tx | Db, assignment: NewAssignment): Promise<void> {
  await tx.assignment.create({ data: assignment });
}

/** How many published essays of the course were recorded after the round was created and are not in it yet. */
export function countEssaysNewerThanRound(db: Db, courseId: string, round: { id: string; createdAt: Date }): Promise<number> {
  return db.essay.count({
    where: { courseId, blogStatus: 'published', createdAt: { gt: round.createdAt }, assignments: { none: { roundId: round.id } } },
  });
}

/** Every assignment of the round (cancelled ones too), with the author of its essay. */
export function roundAssignmentsWithAuthors(
  db: Db,
  roundId: string,
): Promise<Array<{ reviewerStudentId: string; essayId: string | null; status: string; essay: { authorStudentId: string | null } | null }>> {
  return db.assignment.findMany({
    where: { roundId },
    select: { reviewerStudentId: true, essayId: true, status: true, essay: { select: { authorStudentId: true } } },
  });
}

/** Who reviewed whose essay in the course's rounds that were not cancelled (quota slots left out). */
export function earlierReviewPairs(db: Db, courseId: string): Promise<Array<{ reviewerStudentId: string; essay: { authorStudentId: string | null } | null }>> {
  return db.assignment.findMany({
    where: { round: { courseId, status: { not: 'cancelled' } }, essayId: { not: null } },
    select: { reviewerStudentId: true, essay: { select: { authorStudentId: true } } },
  });
}

/** The reviews a student still owes in a round, with each essay's title and author. */
export function pendingReviewsOwed(
  db: Tx | Db,
  roundId: string,
  reviewerStudentId: string,
): Promise<Array<{ id: string; slotKey: string; essayId: string | null; essay: { title: string; authorStudentId: string | null } | null }>> {
  return db.assignment.findMany({
    where: { roundId, reviewerStudentId, status: 'pending' },
    select: { id: true, slotKey: true, essayId: true, essay: { select: { title: true, authorStudentId: true } } },
  });
}

/** The slot keys a student holds in a round, whatever their status. */
export async function reviewerSlotKeys(db: Tx | Db, roundId: string, reviewerStudentId: string): Promise<string[]> {
  return (await db.assignment.findMany({ where: { roundId, reviewerStudentId }, select: { slotKey: true } })).map((t) => t.slotKey);
}

/**
 * Cancels an assignment and gives its slot to another reviewer as a new row (so reminders start afresh for them).
 * Throws a unique violation when the new reviewer already holds that slot.
 */
export async function reassignSlot(tx: Tx | Db, assignmentId: string, replacement: NewAssignment): Promise<void> {
  await tx.assignment.update({ where: { id: assignmentId }, data: { status: 'cancelled' } });
  await tx.assignment.create({ data: replacement });
}

/** The course's comments by these students that are long enough, not deleted and written by `until`. */
export function reviewCommentsBy(
  db: Db,
  courseId: string,
  input: { minWords: number; until: Date; authorStudentIds: string[] },
): Promise<Array<{ id: string; authorStudentId: string | null; essayId: string; wordCount: number; writtenAt: Date }>> {
  return db.comment.findMany({
    where: { courseId, deletedAt: null, wordCount: { gte: input.minWords }, writtenAt: { lte: input.until }, authorStudentId: { in: input.authorStudentIds } },
    select: { id: true, authorStudentId: true, essayId: true, wordCount: true, writtenAt: true },
  });
}

/** Marks a pending assignment done (or done_late) by this comment; false when it was no longer pending (a concurrent sweep, a cancel). */
export async function completeAssignment(
  db: Db,
  assignmentId: string,
  completion: { status: 'done' | 'done_late'; completedAt: Date | null; completedCommentId: string | null },
): Promise<boolean> {
  const changed = await db.assignment.updateMany({ where: { id: assignmentId, status: 'pending' }, data: completion });
  return changed.count === 1;
}

/**
 * A round found by name (trimmed) and its assignments that are not cancelled, optionally only one reviewer's (by
 * Discord account), with reviewer and essay. Null when the course has no round of that name (the second query is not run).
 */
export async function reviewPairRows(db: Db, courseId: string, roundName: string, onlyReviewerDiscordId?: string) {
  const round = await db.reviewRound.findUnique({
    where: { courseId_name: { courseId, name: roundName } },
    select: { id: true, name: true, dueAt: true },
  });
  if (!round) return null;
  const rows = await db.assignment.findMany({
    where: {
      roundId: round.id,
      status: { not: 'cancelled' },
      ...(onlyReviewerDiscordId ? { reviewer: { discordUserId: onlyReviewerDiscordId } } : {}),
    },
    select: {
      slotKey: true,
      status: true,
      reviewer: { select: { displayName: true, discordUserId: true } },
      essay: { select: { title: true, url: true, authorName: true, author: { select: { displayName: true } } } },
    },
  });
  return { round, rows };
}
