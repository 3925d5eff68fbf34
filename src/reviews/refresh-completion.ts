// Marks pending assignments done (or done_late) from the Comment rows both mirrors record: a
// comment by the reviewer on the essay (any essay of the round for quota slots) with enough words.
import { isReviewComplete, type CommentFact } from '../core/reviews/completion.js';
import type { Db } from '../db/client.js';
import { essaysForFilter, parseEssayFilter } from './round-essays.js';
import { quotaSlotNumber } from './round-plan.js';

export async function refreshCompletion(db: Db, courseId: string, now: Date): Promise<{ done: number; doneLate: number }> {
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { minCommentWords: true } });
  const pending = await db.assignment.findMany({
    where: { status: 'pending', round: { courseId, status: 'active' } },
    select: { id: true, roundId: true, reviewerStudentId: true, essayId: true, slotKey: true, round: { select: { dueAt: true, mode: true, essayFilter: true } } },
  });
  if (pending.length === 0) return { done: 0, doneLate: 0 };
  // Only comments long enough can complete anything: the word filter runs in the database.
  const comments = await db.comment.findMany({
    where: {
      courseId, deletedAt: null, wordCount: { gte: course.minCommentWords }, writtenAt: { lte: now },
      authorStudentId: { in: [...new Set(pending.map((p) => p.reviewerStudentId))] },
    },
    select: { id: true, authorStudentId: true, essayId: true, wordCount: true, writtenAt: true },
  });
  if (comments.length === 0) return { done: 0, doneLate: 0 };
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
    if (!mine) continue;
    let eligibleEssayIds: string[] | undefined;
    if (a.essayId === null) {
      let essays = quotaEssays.get(a.roundId);
      if (!essays) quotaEssays.set(a.roundId, (essays = await essaysForFilter(db, courseId, parseEssayFilter(a.round.essayFilter))));
      eligibleEssayIds = essays.filter((e) => e.authorStudentId !== a.reviewerStudentId).map((e) => e.id);
    }
    const result = isReviewComplete({
      comments: mine,
      assignment: { reviewerId: a.reviewerStudentId, essayId: a.essayId, required: quotaSlotNumber(a.slotKey) ?? 1, eligibleEssayIds },
      minWords: course.minCommentWords,
      dueAt: a.round.dueAt,
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
