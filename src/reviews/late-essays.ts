// Essays published after a round was confirmed (and matching its filter) get reviewers when they
// appear, without reshuffling anyone else. Called by the reminder sweep; safe to run concurrently
// (the assignment's unique key turns a second insert into a no-op).
import { assignLateEssay } from '../core/reviews/assign-late.js';
import type { ReviewAssignment } from '../core/reviews/assign-types.js';
import type { Db } from '../db/client.js';
import { activeRounds, type ActiveRound } from '../db/repositories/active-rounds.js';
import { countEssaysNewerThanRound, createAssignment, roundAssignmentsWithAuthors } from '../db/repositories/review-assignments.js';
import { rosterStudentIds } from '../db/repositories/students.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { essaysForFilter, parseEssayFilter } from './round-essays.js';

export async function assignLateEssays(db: Db, courseId: string, now: Date, known?: ActiveRound[]): Promise<{ assigned: number; warnings: string[] }> {
  const rounds = (known ?? (await activeRounds(db, courseId))).filter((r) => r.mode === 'assigned' && r.dueAt.getTime() > now.getTime());
  let assigned = 0;
  const warnings: string[] = [];
  if (rounds.length === 0) return { assigned, warnings };
  let reviewers: string[] | null = null;
  for (const round of rounds) {
    // Cheap test first: most sweeps find no essay recorded after the round that it does not cover yet.
    const fresh = await countEssaysNewerThanRound(db, courseId, round);
    if (fresh === 0) continue;
    reviewers ??= await rosterStudentIds(db, courseId);
    const essays = await essaysForFilter(db, courseId, parseEssayFilter(round.essayFilter));
    const rows = await roundAssignmentsWithAuthors(db, round.id);
    const covered = new Set(rows.map((r) => r.essayId));
    const late = essays.filter((e) => !covered.has(e.id) && e.createdAt.getTime() > round.createdAt.getTime());
    if (late.length === 0) continue;
    const existing: ReviewAssignment[] = rows
      .filter((r) => r.status !== 'cancelled' && r.essayId !== null)
      .map((r) => ({ reviewerId: r.reviewerStudentId, essayId: r.essayId, authorId: r.essay?.authorStudentId ?? null, required: 1 }));
    const perEssay = Math.max(1, Math.round(existing.length / Math.max(1, new Set(existing.map((e) => e.essayId)).size)));
    for (const essay of late) {
      const author = essay.authorStudentId && reviewers.includes(essay.authorStudentId) ? essay.authorStudentId : null;
      const result = assignLateEssay(existing, { essayId: essay.id, authorId: author }, reviewers, perEssay, { seed: round.seed });
      warnings.push(...result.warnings);
      for (const a of result.assignments) {
        try {
          await createAssignment(db, { roundId: round.id, reviewerStudentId: a.reviewerId, essayId: essay.id, slotKey: essay.id });
          existing.push(a);
          assigned++;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error; // another sweeper assigned it first
        }
      }
    }
  }
  return { assigned, warnings };
}
