// Marks pending assignments done (or done_late) from the Comment rows both mirrors record: a
// comment by the reviewer on the essay (any essay of the round for quota slots) with enough words:
// the round's own minimum when staff set one (min_words), else the course's.
import { isReviewComplete, type CommentFact } from '../core/reviews/completion.js';
import type { Db } from '../db/client.js';
import { pendingReviewCandidates } from '../db/review-candidates.js';
import { activeRounds, type ActiveRound } from '../db/repositories/active-rounds.js';
import { completeAssignment, reviewCommentsBy } from '../db/repositories/review-assignments.js';
import { courseMinCommentWords } from '../db/repositories/review-rounds.js';
import { essaysForFilter, parseEssayFilter } from './round-essays.js';
import { quotaSlotNumber } from './round-plan.js';

/** `known` lets the sweep pass what it already read (the course's word minimum and active rounds). */
export async function refreshCompletion(
  db: Db,
  courseId: string,
  now: Date,
  known?: { minCommentWords: number; rounds: ActiveRound[] },
): Promise<{ done: number; doneLate: number }> {
  const course = known ?? { minCommentWords: await courseMinCommentWords(db, courseId) };
  const rounds = new Map((known?.rounds ?? (await activeRounds(db, courseId))).map((r) => [r.id, r]));
  if (rounds.size === 0) return { done: 0, doneLate: 0 };
  const minWordsOf = (r: ActiveRound) => r.minCommentWords ?? course.minCommentWords;
  // The lowest minimum of any round finds every candidate; each assignment is then held to its own round's.
  const lowest = Math.min(...[...rounds.values()].map(minWordsOf));
  const pending = await pendingReviewCandidates(db, [...rounds.keys()], lowest);
  if (pending.length === 0) return { done: 0, doneLate: 0 };
  const comments = await reviewCommentsBy(db, courseId, {
    minWords: lowest,
    until: now,
    authorStudentIds: [...new Set(pending.map((p) => p.reviewerStudentId))],
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
    const changed = await completeAssignment(db, a.id, {
      status: result.late ? 'done_late' : 'done',
      completedAt: result.commentAt,
      completedCommentId: comment?.id ?? null,
    });
    if (changed) {
      if (result.late) doneLate++;
      else done++;
    }
  }
  return { done, doneLate };
}
