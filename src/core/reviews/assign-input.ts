// Normalises the two accepted input shapes (students with essays, or essays + reviewers) into sorted,
// de-duplicated lists, so the result depends on the seed and the roster, never on input order.
import { AssignmentInfeasible, type AssignInput, type EssayRef } from './assign-types.js';

export interface NormalisedRound {
  reviewers: string[];
  essays: EssayRef[];
}

export function normaliseInput(input: AssignInput): NormalisedRound {
  if (!Number.isInteger(input.k) || input.k < 1) {
    throw new AssignmentInfeasible([`reviews: the reviews per student must be a whole number of at least 1 (got ${input.k}).`]);
  }
  const reviewers = new Set<string>(input.reviewers ?? []);
  const essays = new Map<string, EssayRef>();
  for (const s of input.students ?? []) {
    reviewers.add(s.id);
    for (const essayId of s.essayIds) if (!essays.has(essayId)) essays.set(essayId, { essayId, authorId: s.id });
  }
  for (const e of input.essays ?? []) if (!essays.has(e.essayId)) essays.set(e.essayId, { essayId: e.essayId, authorId: e.authorId });
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    reviewers: [...reviewers].sort(byId),
    essays: [...essays.values()].sort((a, b) => byId(a.essayId, b.essayId)),
  };
}
