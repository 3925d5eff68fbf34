// An independent checker for assignment results: recomputes every constraint from the raw input.
import type { AssignInput, AssignResult } from '../../../src/core/reviews/assign-types.js';

export interface RoundFacts {
  reviewers: string[];
  essayAuthor: Map<string, string | null>;
  /** Essays each reviewer may review (not their own). */
  eligibleCount: Map<string, number>;
}

export function roundFacts(input: AssignInput): RoundFacts {
  const reviewers = new Set<string>(input.reviewers ?? []);
  const essayAuthor = new Map<string, string | null>();
  for (const s of input.students ?? []) {
    reviewers.add(s.id);
    for (const e of s.essayIds) essayAuthor.set(e, s.id);
  }
  for (const e of input.essays ?? []) if (!essayAuthor.has(e.essayId)) essayAuthor.set(e.essayId, e.authorId);
  const eligibleCount = new Map<string, number>();
  for (const r of reviewers) eligibleCount.set(r, [...essayAuthor.values()].filter((a) => a !== r).length);
  return { reviewers: [...reviewers], essayAuthor, eligibleCount };
}

/** Returns a list of violated constraints (empty when the result is valid). */
export function checkAssignment(input: AssignInput, result: AssignResult): string[] {
  const f = roundFacts(input);
  const problems: string[] = [];
  const seen = new Set<string>();
  const perReviewer = new Map<string, number>(f.reviewers.map((r) => [r, 0]));
  const perEssay = new Map<string, number>([...f.essayAuthor.keys()].map((e) => [e, 0]));
  for (const a of result.assignments) {
    if (a.essayId === null) {
      problems.push('null essay in assigned mode');
      continue;
    }
    if (!f.essayAuthor.has(a.essayId)) problems.push(`unknown essay ${a.essayId}`);
    if (!perReviewer.has(a.reviewerId)) problems.push(`unknown reviewer ${a.reviewerId}`);
    if (f.essayAuthor.get(a.essayId) !== a.authorId) problems.push(`wrong author on ${a.essayId}`);
    if (a.authorId === a.reviewerId) problems.push(`self-review by ${a.reviewerId}`);
    const key = `${a.reviewerId}|${a.essayId}`;
    if (seen.has(key)) problems.push(`duplicate ${key}`);
    seen.add(key);
    perReviewer.set(a.reviewerId, (perReviewer.get(a.reviewerId) ?? 0) + 1);
    perEssay.set(a.essayId, (perEssay.get(a.essayId) ?? 0) + 1);
  }
  const eLoads = [...perEssay.values()];
  if (Math.max(...eLoads) - Math.min(...eLoads) > 1) problems.push(`essay loads ${Math.min(...eLoads)}..${Math.max(...eLoads)}`);
  for (const [r, n] of perReviewer) {
    if (n > input.k) problems.push(`${r} has ${n} > k`);
    if (n < input.k - 1 && !input.allowShortfall) problems.push(`${r} has ${n} < k-1`);
    if (result.load.perReviewer[r] !== n) problems.push(`load.perReviewer wrong for ${r}`);
  }
  for (const [e, n] of perEssay) if (result.load.perEssay[e] !== n) problems.push(`load.perEssay wrong for ${e}`);
  return problems;
}

/** Unordered pairs {a, b} where a reviews an essay of b and b reviews an essay of a. */
export function reciprocalPairs(result: AssignResult): number {
  const pairs = new Set(result.assignments.filter((a) => a.authorId).map((a) => `${a.reviewerId}|${a.authorId}`));
  let count = 0;
  for (const p of pairs) {
    const [a, b] = p.split('|') as [string, string];
    if (a < b && pairs.has(`${b}|${a}`)) count++;
  }
  return count;
}
