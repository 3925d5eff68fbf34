// An essay published after the round was assigned: give it reviewers without reshuffling anyone else.
import type { EssayRef, ReviewAssignment } from './assign-types.js';
import { createRng } from './prng.js';

export interface LateEssayOptions {
  seed?: string | number;
  previousPairs?: ReadonlyArray<readonly [string, string]>;
}

export interface LateEssayResult {
  assignments: ReviewAssignment[];
  warnings: string[];
}

/**
 * Picks `k` reviewers for `newEssay`: the least-loaded eligible reviewers first (so loads stay within
 * 1 of each other), then those who would not form a reciprocal or repeated pair, then a seeded draw.
 */
export function assignLateEssay(
  existing: readonly ReviewAssignment[],
  newEssay: EssayRef,
  reviewers: readonly string[],
  k: number,
  options: LateEssayOptions = {},
): LateEssayResult {
  const load = new Map<string, number>();
  const already = new Set<string>();
  const reviewedBy = new Set<string>(); // "reviewer|author" pairs already in the round
  for (const a of existing) {
    load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + a.required);
    if (a.essayId === newEssay.essayId) already.add(a.reviewerId);
    if (a.authorId !== null) reviewedBy.add(`${a.reviewerId}|${a.authorId}`);
  }
  const previous = new Set((options.previousPairs ?? []).map(([r, a]) => `${r}|${a}`));
  const rng = createRng(`${options.seed ?? 'late'}|${newEssay.essayId}`);
  const author = newEssay.authorId;
  const candidates = [...new Set(reviewers)]
    .sort()
    .filter((r) => r !== author && !already.has(r))
    .map((r) => ({
      r,
      load: load.get(r) ?? 0,
      // The author already reviews this reviewer: adding r -> author would make the pair reciprocal.
      reciprocal: author !== null && reviewedBy.has(`${author}|${r}`) ? 1 : 0,
      repeat: (author !== null && previous.has(`${r}|${author}`) ? 1 : 0) + (author !== null && reviewedBy.has(`${r}|${author}`) ? 1 : 0),
      draw: rng(),
    }))
    .sort((a, b) => a.load - b.load || a.reciprocal - b.reciprocal || a.repeat - b.repeat || a.draw - b.draw);
  const warnings: string[] = [];
  // Reviewers who already have this essay count towards k (e.g. a re-published essay).
  const wanted = Math.max(0, k - already.size);
  const picked = candidates.slice(0, wanted);
  if (picked.length < wanted) {
    warnings.push(`Essay ${newEssay.essayId} gets ${picked.length + already.size} reviewer(s) instead of ${k}: not enough eligible reviewers.`);
  }
  const reciprocal = picked.filter((c) => c.reciprocal).length;
  if (reciprocal > 0) warnings.push(`${reciprocal} reviewer(s) of late essay ${newEssay.essayId} form a reciprocal pair with its author.`);
  return {
    assignments: picked.map((c) => ({ reviewerId: c.r, essayId: newEssay.essayId, authorId: author, required: 1 })),
    warnings,
  };
}
