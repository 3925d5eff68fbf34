// Peer-review assignment: balanced, no self-review, reciprocal and repeated pairs avoided where the
// roster allows, reproducible from a seed. See balanced-flow.ts and improve-pairs.ts for the two steps.
import { normaliseInput } from './assign-input.js';
import { AssignmentInfeasible, type AssignInput, type AssignResult, type EssayRef, type ReviewAssignment } from './assign-types.js';
import { balancedFlow } from './balanced-flow.js';
import { improvePairs, PairCounter, scorePairs } from './improve-pairs.js';
import { createRng, shuffled, type Rng } from './prng.js';
import { buildProblem, type Problem } from './problem.js';
import { describePairs, shortfallMessages } from './assign-warnings.js';

export { AssignmentInfeasible } from './assign-types.js';
export type * from './assign-types.js';

/**
 * Orders reviewers and essays as shuffled "units" (a reviewer followed by their own essays, or an essay
 * whose author does not review) so the cyclic greedy step sees a random ring, as a hat draw would.
 */
function ringOrder(reviewers: string[], essays: EssayRef[], rng: Rng): { reviewers: string[]; essays: EssayRef[]; start: number[] } {
  const own = new Map<string, EssayRef[]>();
  const orphans: EssayRef[][] = [];
  const reviewerSet = new Set(reviewers);
  for (const e of essays) {
    if (e.authorId !== null && reviewerSet.has(e.authorId)) {
      const list = own.get(e.authorId) ?? [];
      list.push(e);
      own.set(e.authorId, list);
    } else orphans.push([e]);
  }
  type Unit = { reviewer: string | null; essays: EssayRef[] };
  const units: Unit[] = shuffled<Unit>(
    [...reviewers.map((r) => ({ reviewer: r, essays: own.get(r) ?? [] })), ...orphans.map((o) => ({ reviewer: null, essays: o }))],
    rng,
  );
  const outReviewers: string[] = [];
  const outEssays: EssayRef[] = [];
  const start: number[] = [];
  for (const u of units) {
    outEssays.push(...u.essays);
    if (u.reviewer !== null) {
      outReviewers.push(u.reviewer);
      start.push(outEssays.length);
    }
  }
  return { reviewers: outReviewers, essays: outEssays, start: start.map((s) => (outEssays.length ? s % outEssays.length : 0)) };
}

function targets(p: Problem, k: number): Int32Array {
  return Int32Array.from(p.eligible, (list) => Math.min(k, list.length));
}

export function assignReviews(input: AssignInput): AssignResult {
  const round = normaliseInput(input);
  const rng = createRng(input.seed);
  if (round.reviewers.length === 0) throw new AssignmentInfeasible(['There are no reviewers in this round.']);
  if (round.essays.length === 0) throw new AssignmentInfeasible(['There are no essays in this round to review.']);
  const ring = ringOrder(round.reviewers, round.essays, rng);
  const p = buildProblem(ring.reviewers, ring.essays);
  const target = targets(p, input.k);
  const names = (id: string): string => input.names?.[id] ?? id;
  const total = target.reduce((a, b) => a + b, 0);
  if (total === 0) {
    throw new AssignmentInfeasible(["Nobody has an essay by another author to review (every essay is the reviewer's own)."]);
  }
  if (input.mode === 'quota') return quotaResult(input, p, target, names);

  const E = p.essayIds.length;
  const lo = Math.floor(total / E);
  const hi = Math.ceil(total / E);
  const flow = balancedFlow(p, target, Int32Array.from(ring.start), lo, hi);
  const revOf: number[] = [];
  const essOf: number[] = [];
  flow.reviewerEssays.forEach((list, r) =>
    list.forEach((e) => {
      revOf.push(r);
      essOf.push(e);
    }),
  );
  const counter = new PairCounter(p.personCount, previousKeys(input, p));
  for (let i = 0; i < revOf.length; i++) counter.add(p.reviewerPerson[revOf[i]!]!, p.authorPerson[essOf[i]!]!, 1);
  const pairs = { revOf: Int32Array.from(revOf), essOf: Int32Array.from(essOf), has: flow.has };
  improvePairs(p, pairs, counter, rng);
  const score = scorePairs(p, pairs, counter);

  const warnings = shortfallMessages(p, input.k, target, flow.rLoad, names, input.allowShortfall ?? false);
  const zero = [...flow.eLoad].filter((n) => n === 0).length;
  if (zero > 0 && hi <= 1) {
    warnings.push(`${zero} essay(s) get no reviewer: there are ${total} reviews to hand out for ${E} essays.`);
  }
  const minE = Math.min(...flow.eLoad);
  const maxE = Math.max(...flow.eLoad);
  if (maxE - minE > 1) warnings.push(`Essay reviewer counts range from ${minE} to ${maxE}: the roster does not allow a closer balance.`);
  warnings.push(...describePairs(p, score, names));

  const assignments: ReviewAssignment[] = [];
  for (let i = 0; i < pairs.revOf.length; i++) {
    const e = pairs.essOf[i]!;
    assignments.push({ reviewerId: p.reviewerIds[pairs.revOf[i]!]!, essayId: p.essayIds[e]!, authorId: p.essayAuthorIds[e]!, required: 1 });
  }
  assignments.sort((a, b) => cmp(a.reviewerId, b.reviewerId) || cmp(a.essayId!, b.essayId!));
  const perReviewer: Record<string, number> = {};
  const perEssay: Record<string, number> = {};
  p.reviewerIds.forEach((id, r) => {
    perReviewer[id] = flow.rLoad[r]!;
  });
  p.essayIds.forEach((id, e) => {
    perEssay[id] = flow.eLoad[e]!;
  });
  return {
    mode: 'assigned',
    assignments,
    load: { perReviewer, perEssay },
    warnings,
    stats: { reciprocalPairs: score.reciprocalPairs.length, repeatedPairs: score.repeatedPairs.length, seed: input.seed },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function previousKeys(input: AssignInput, p: Problem): Set<number> {
  const person = new Map<string, number>();
  p.reviewerIds.forEach((id, r) => person.set(id, p.reviewerPerson[r]!));
  p.essayAuthorIds.forEach((id, e) => {
    if (id !== null) person.set(id, p.authorPerson[e]!);
  });
  const keys = new Set<number>();
  for (const [reviewer, author] of input.previousPairs ?? []) {
    const a = person.get(reviewer);
    const b = person.get(author);
    if (a !== undefined && b !== undefined) keys.add(a * p.personCount + b);
  }
  return keys;
}

function quotaResult(input: AssignInput, p: Problem, target: Int32Array, names: (id: string) => string): AssignResult {
  const warnings = shortfallMessages(p, input.k, target, target, names, input.allowShortfall ?? false);
  const perReviewer: Record<string, number> = {};
  const assignments: ReviewAssignment[] = [];
  p.reviewerIds.forEach((id, r) => {
    perReviewer[id] = target[r]!;
    if (target[r]! > 0) assignments.push({ reviewerId: id, essayId: null, authorId: null, required: target[r]! });
  });
  assignments.sort((a, b) => cmp(a.reviewerId, b.reviewerId));
  return {
    mode: 'quota',
    assignments,
    load: { perReviewer, perEssay: {} },
    warnings,
    stats: { reciprocalPairs: 0, repeatedPairs: 0, seed: input.seed },
  };
}
