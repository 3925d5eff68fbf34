// Review rounds as staff create and manage them (src/reviews/: /reviews assign | list | cancel), and what a
// round reads of its course. Active rounds for the sweep are in active-rounds.ts.
import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';

/** The course's time zone and review word minimum, for a round's preview. */
export function courseReviewSettings(db: Db, courseId: string): Promise<{ timeZone: string; minCommentWords: number }> {
  return courseById(db, courseId, { timeZone: true, minCommentWords: true });
}

/** The words a review comment needs in the course (a round may set its own). */
export async function courseMinCommentWords(db: Db, courseId: string): Promise<number> {
  return (await courseById(db, courseId, { minCommentWords: true })).minCommentWords;
}

/** Whether the course already has a round of this name (names are unique per course). */
export async function roundNameTaken(db: Db, courseId: string, name: string): Promise<boolean> {
  return (await db.reviewRound.findUnique({ where: { courseId_name: { courseId, name } }, select: { id: true } })) !== null;
}

export interface NewRound {
  courseId: string;
  name: string;
  dueAt: Date;
  reviewsPerStudent: number;
  mode: string;
  essayFilter: string;
  minCommentWords: number | null;
  seed: string;
  createdByUserId: string;
  createdAt: Date;
}

/**
 * Creates the round and all its assignments; returns the round's id. Throws a unique violation when the name was
 * taken meanwhile, a foreign-key violation when a reviewer or essay is gone.
 */
export async function createRoundWithAssignments(
  tx: Tx | Db,
  round: NewRound,
  slots: Array<{ reviewerStudentId: string; essayId: string | null; slotKey: string }>,
): Promise<string> {
  const row = await tx.reviewRound.create({ data: round, select: { id: true } });
  await tx.assignment.createMany({ data: slots.map((s) => ({ roundId: row.id, ...s })) });
  return row.id;
}

/** The round created from this seed (the preview id), with how many assignments it has; null when none. */
export async function roundBySeed(db: Db, seed: string): Promise<{ id: string; courseId: string; name: string; assignments: number } | null> {
  const round = await db.reviewRound.findFirst({
    where: { seed },
    select: { id: true, courseId: true, name: true, _count: { select: { assignments: true } } },
  });
  return round ? { id: round.id, courseId: round.courseId, name: round.name, assignments: round._count.assignments } : null;
}

/** The course's round of this name (already trimmed), with its status and mode; null when none. */
export function findRoundByName(db: Db, courseId: string, name: string): Promise<{ id: string; name: string; status: string; mode: string } | null> {
  return db.reviewRound.findUnique({ where: { courseId_name: { courseId, name } }, select: { id: true, name: true, status: true, mode: true } });
}

/** Every round of the course by due date, and its assignments counted by round and status (two queries). */
export async function roundsWithStatusCounts(db: Db, courseId: string) {
  const rounds = await db.reviewRound.findMany({
    where: { courseId },
    orderBy: { dueAt: 'asc' },
    select: { id: true, name: true, dueAt: true, status: true, mode: true, reviewsPerStudent: true },
  });
  const groups = await db.assignment.groupBy({ by: ['roundId', 'status'], where: { roundId: { in: rounds.map((r) => r.id) } }, _count: { _all: true } });
  const counts = groups.map((c) => ({ roundId: c.roundId, status: c.status, count: c._count._all }));
  return { rounds, counts };
}

/** Cancels the round and the reviews still pending in it; returns how many reviews were cancelled. */
export async function cancelRoundAndPending(tx: Tx | Db, roundId: string): Promise<number> {
  await tx.reviewRound.update({ where: { id: roundId }, data: { status: 'cancelled' } });
  const changed = await tx.assignment.updateMany({ where: { roundId, status: 'pending' }, data: { status: 'cancelled' } });
  return changed.count;
}
