// Marks pending assignments done (or done_late) from the Comment rows both mirrors record: a
// comment by the reviewer on the essay (any essay of the round for quota slots) with enough words:
// the round's own minimum when staff set one (min_words), else the course's.
import { isReviewComplete, type CommentFact } from '../core/reviews/completion.js';
import type { Db } from '../db/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { activeRounds, type ActiveRound } from './active-rounds.js';
import { essaysForFilter, parseEssayFilter } from './round-essays.js';
import { quotaSlotNumber } from './round-plan.js';

/** `known` lets the sweep pass what it already read (the course's word minimum and active rounds). */
export async function refreshCompletion(
  db: Db,
  courseId: string,
  now: Date,
  known?: { minCommentWords: number; rounds: ActiveRound[] },
): Promise<{ done: number; doneLate: number }> {
  const course = known ?? (await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { minCommentWords: true } }));
  const rounds = new Map((known?.rounds ?? (await activeRounds(db, courseId))).map((r) => [r.id, r]));
  if (rounds.size === 0) return { done: 0, doneLate: 0 };
  const minWordsOf = (r: ActiveRound) => r.minCommentWords ?? course.minCommentWords;
  // The lowest minimum of any round finds every candidate; each assignment is then held to its own round's.
  const lowest = Math.min(...[...rounds.values()].map(minWordsOf));
  const pending = await candidates(db, [...rounds.keys()], lowest);
  if (pending.length === 0) return { done: 0, doneLate: 0 };
  const comments = await db.comment.findMany({
    where: {
      courseId, deletedAt: null, wordCount: { gte: lowest }, writtenAt: { lte: now },
      authorStudentId: { in: [...new Set(pending.map((p) => p.reviewerStudentId))] },
    },
    select: { id: true, authorStudentId: true, essayId: true, wordCount: true, writtenAt: true },
  });
  const byAuthor = new Map<string, (CommentFact & { id: string })[]>();
  for (const c of comments) {
    const list = byAuthor.get(c.authorStudentId!) ?? [];
    list.push({ id: c.id, authorStudentId: c.authorStudentId, essayId: c.essayId, wordCount: c.wordCount, createdAt: c.writtenAt });
    byAuthor.set(c.authorStudentId!, list);
  }
  const quotaEssays = new Map<string, { id: string; authorStudentId: string | null }[]>();
  let done = 0;
  let doneLate = 0;
  for (const a of pending) {
    const mine = byAuthor.get(a.reviewerStudentId);
    const round = rounds.get(a.roundId)!;
    if (!mine) continue;
    let eligibleEssayIds: string[] | undefined;
    if (a.essayId === null) {
      let essays = quotaEssays.get(a.roundId);
      if (!essays) quotaEssays.set(a.roundId, (essays = await essaysForFilter(db, courseId, parseEssayFilter(round.essayFilter))));
      eligibleEssayIds = essays.filter((e) => e.authorStudentId !== a.reviewerStudentId).map((e) => e.id);
    }
    const result = isReviewComplete({
      comments: mine,
      assignment: { reviewerId: a.reviewerStudentId, essayId: a.essayId, required: quotaSlotNumber(a.slotKey) ?? 1, eligibleEssayIds },
      minWords: minWordsOf(round),
      dueAt: round.dueAt,
    });
    if (!result.done) continue;
    const comment = mine.find((c) => c.createdAt.getTime() === result.commentAt!.getTime() && (a.essayId === null || c.essayId === a.essayId));
    // Conditional on 'pending', so a concurrent sweeper or a cancel in between is never overwritten.
    const changed = await db.assignment.updateMany({
      where: { id: a.id, status: 'pending' },
      data: { status: result.late ? 'done_late' : 'done', completedAt: result.commentAt, completedCommentId: comment?.id ?? null },
    });
    if (changed.count === 1) result.late ? doneLate++ : done++;
  }
  return { done, doneLate };
}

interface Candidate {
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
function candidates(db: Db, roundIds: string[], minWords: number): Promise<Candidate[]> {
  return db.$queryRaw<Candidate[]>`
    SELECT a."id", a."roundId", a."reviewerStudentId", a."essayId", a."slotKey"
    FROM "Assignment" a
    WHERE a."roundId" IN (${Prisma.join(roundIds)}) AND a."status" || '' = 'pending'
      AND EXISTS (
        SELECT 1 FROM "Comment" c
        WHERE c."authorStudentId" = a."reviewerStudentId" AND c."wordCount" >= ${minWords} AND c."deletedAt" IS NULL
          AND (a."essayId" IS NULL OR c."essayId" = a."essayId")
      )`;
}
