// Human explanations for what the assignment could not do. Staff read these in the preview.
import { AssignmentInfeasible } from './assign-types.js';
import type { PairScore } from './improve-pairs.js';
import type { Problem } from './problem.js';

const LIST_MAX = 5;

function listed(items: string[]): string {
  const head = items.slice(0, LIST_MAX).join(', ');
  return items.length > LIST_MAX ? `${head} and ${items.length - LIST_MAX} more` : head;
}

/**
 * Warnings for reviewers below k; throws AssignmentInfeasible when someone ends more than 1 below k
 * (the promise "within 1 of k" cannot be kept), unless the caller allows a shortfall.
 */
export function shortfallMessages(
  p: Problem,
  k: number,
  target: Int32Array,
  got: Int32Array,
  names: (id: string) => string,
  allowShortfall: boolean,
): string[] {
  const warnings: string[] = [];
  const fatal: string[] = [];
  p.reviewerIds.forEach((id, r) => {
    const n = got[r]!;
    if (n >= k) return;
    const why = target[r]! < k ? `only ${p.eligible[r]!.length} essay(s) by other authors exist` : 'essay reviewer counts must stay balanced';
    const line = `${names(id)} gets ${n} review(s) instead of ${k}: ${why}.`;
    (n < k - 1 && !allowShortfall ? fatal : warnings).push(line);
  });
  if (fatal.length > 0) {
    const maxK = Math.min(...p.eligible.map((l) => l.length));
    fatal.push(
      `The largest number of reviews every student can get is ${maxK}: run /reviews assign again with reviews:${maxK} (or fewer), or once more essays are in.`,
    );
    throw new AssignmentInfeasible(fatal);
  }
  return warnings;
}

export function describePairs(p: Problem, score: PairScore, names: (id: string) => string): string[] {
  const personName: string[] = [];
  p.reviewerIds.forEach((id, r) => {
    personName[p.reviewerPerson[r]!] = names(id);
  });
  p.essayAuthorIds.forEach((id, e) => {
    if (id !== null) personName[p.authorPerson[e]!] = names(id);
  });
  const out: string[] = [];
  if (score.reciprocalPairs.length > 0) {
    const pairs = score.reciprocalPairs.map(([a, b]) => `${personName[a]} ↔ ${personName[b]}`);
    out.push(`${pairs.length} reciprocal pair(s) could not be avoided: ${listed(pairs)}.`);
  }
  if (score.repeatedPairs.length > 0) {
    const pairs = score.repeatedPairs.map(([a, b]) => `${personName[a]} → ${personName[b]}`);
    out.push(`${pairs.length} pair(s) repeat an earlier round: ${listed(pairs)}.`);
  }
  return out;
}
