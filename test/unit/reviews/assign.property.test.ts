import { describe, expect, it } from 'vitest';
import { assignReviews, AssignmentInfeasible } from '../../../src/core/reviews/assign.js';
import type { AssignResult } from '../../../src/core/reviews/assign-types.js';
import { createRng, shuffled } from '../../../src/core/reviews/prng.js';
import { checkAssignment, reciprocalPairs, roundFacts } from './assign-checker.js';
import { generateRound } from './roster-gen.js';

const ROUNDS = 3000;

describe('assignReviews over random rosters (property)', () => {
  it(`keeps every hard constraint on ${ROUNDS} seeded rosters of 2..400 students`, () => {
    const failures: string[] = [];
    let infeasible = 0;
    let standardChecked = 0;
    let largest = 0;
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const { input, standard } = generateRound(seed);
      const facts = roundFacts(input);
      largest = Math.max(largest, facts.reviewers.length);
      const minEligible = Math.min(...facts.eligibleCount.values());
      let result: AssignResult;
      try {
        result = assignReviews(input);
      } catch (err) {
        expect(err).toBeInstanceOf(AssignmentInfeasible);
        // Thrown only when someone really cannot get within 1 of k (or there is nothing to review).
        if (minEligible >= input.k - 1 && facts.essayAuthor.size > 0 && Math.max(...facts.eligibleCount.values()) > 0) {
          failures.push(`seed ${seed}: threw although every reviewer has >= k-1 eligible essays: ${(err as Error).message}`);
        }
        infeasible++;
        continue;
      }
      const problems = checkAssignment(input, result);
      if (problems.length) failures.push(`seed ${seed}: ${problems.slice(0, 3).join('; ')}`);
      // "Exactly k where possible": with enough essays for everyone, nobody is short.
      if (minEligible >= input.k) {
        const short = Object.entries(result.load.perReviewer).filter(([, n]) => n !== input.k);
        if (short.length) failures.push(`seed ${seed}: ${short.length} reviewer(s) not at k=${input.k} although feasible`);
      }
      const recip = reciprocalPairs(result);
      if (recip !== result.stats.reciprocalPairs) failures.push(`seed ${seed}: stats say ${result.stats.reciprocalPairs} reciprocal, found ${recip}`);
      if (recip > 0 && !result.warnings.some((w) => w.includes('reciprocal'))) failures.push(`seed ${seed}: reciprocal pairs without a warning`);
      // Textbook roster with 2k < n: a reciprocal-free assignment exists (a ring), so none may remain.
      if (standard && 2 * input.k < facts.reviewers.length) {
        standardChecked++;
        if (recip > 0) failures.push(`seed ${seed}: ${recip} reciprocal pair(s) in a standard roster n=${facts.reviewers.length} k=${input.k}`);
      }
    }
    expect(failures).toEqual([]);
    // The generator must actually exercise the interesting cases.
    expect(standardChecked).toBeGreaterThan(300);
    expect(infeasible).toBeGreaterThan(0);
    expect(largest).toBeGreaterThan(350);
  }, 120_000);

  it('is reproducible from the seed and independent of input order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { input } = generateRound(seed);
      let a: AssignResult;
      try {
        a = assignReviews(input);
      } catch {
        continue;
      }
      const rng = createRng(seed);
      const reordered = { ...input, students: shuffled(input.students ?? [], rng).map((s) => ({ ...s, essayIds: shuffled(s.essayIds, rng) })) };
      expect(assignReviews(reordered).assignments).toEqual(a.assignments);
      expect(assignReviews(input).assignments).toEqual(a.assignments);
    }
  });

  it('gives different assignments for different seeds', () => {
    const students = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, essayIds: [`e${i}`] }));
    const a = assignReviews({ students, k: 3, mode: 'assigned', seed: 'round-1' });
    const b = assignReviews({ students, k: 3, mode: 'assigned', seed: 'round-2' });
    expect(a.assignments).not.toEqual(b.assignments);
  });

  it('avoids pairs from earlier rounds when the roster allows it', () => {
    const students = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, essayIds: [`e${i}`] }));
    for (let round = 0; round < 20; round++) {
      const first = assignReviews({ students, k: 3, mode: 'assigned', seed: `r1-${round}` });
      const previousPairs = first.assignments.map((x) => [x.reviewerId, x.authorId!] as [string, string]);
      const second = assignReviews({ students, k: 3, mode: 'assigned', seed: `r2-${round}`, previousPairs });
      const prev = new Set(previousPairs.map(([r, a]) => `${r}|${a}`));
      const repeats = second.assignments.filter((x) => prev.has(`${x.reviewerId}|${x.authorId}`));
      expect(repeats).toEqual([]);
      expect(second.stats.repeatedPairs).toBe(0);
      expect(reciprocalPairs(second)).toBe(0);
    }
  });
});
