import { describe, expect, it } from 'vitest';
import { assignReviews, AssignmentInfeasible } from '../../../src/core/reviews/assign.js';
import { assignLateEssay } from '../../../src/core/reviews/assign-late.js';
import { checkAssignment, reciprocalPairs } from './assign-checker.js';

const roster = (n: number, withoutEssay: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, essayIds: withoutEssay.includes(i) ? [] : [`e${i}`] }));

describe('assignReviews examples', () => {
  it('refuses a single student with a clear reason', () => {
    expect(() => assignReviews({ students: roster(1), k: 1, mode: 'assigned', seed: 1 })).toThrow(AssignmentInfeasible);
    expect(() => assignReviews({ students: roster(1), k: 1, mode: 'assigned', seed: 1 })).toThrow(/another author/);
  });

  it('refuses k far above the essays available, naming the largest feasible k', () => {
    const err = (() => {
      try {
        assignReviews({ students: roster(3), k: 4, mode: 'assigned', seed: 1, names: { s0: 'Ada' } });
      } catch (e) {
        return e as AssignmentInfeasible;
      }
      throw new Error('expected a throw');
    })();
    expect(err.reasons.join(' ')).toContain('Ada gets 2 review(s) instead of 4');
    expect(err.message).toContain('largest number of reviews every student can get is 2');
  });

  it('warns (does not throw) when reviewers end at k-1, and explains unavoidable reciprocal pairs', () => {
    const r = assignReviews({ students: roster(2), k: 2, mode: 'assigned', seed: 'x' });
    expect(r.assignments).toEqual([
      { reviewerId: 's0', essayId: 'e1', authorId: 's1', required: 1 },
      { reviewerId: 's1', essayId: 'e0', authorId: 's0', required: 1 },
    ]);
    expect(r.warnings.join('\n')).toMatch(/s0 gets 1 review\(s\) instead of 2/);
    expect(r.warnings.join('\n')).toMatch(/1 reciprocal pair\(s\) could not be avoided: s0 ↔ s1/);
  });

  it('downgrades a shortfall to a warning when allowed', () => {
    const r = assignReviews({ students: roster(3), k: 4, mode: 'assigned', seed: 1, allowShortfall: true });
    expect(r.assignments).toHaveLength(6);
    expect(r.warnings.filter((w) => w.includes('instead of 4'))).toHaveLength(3);
  });

  it('lets students without essays review and gets essays of non-reviewers reviewed', () => {
    const input = {
      students: roster(6, [2, 4]),
      essays: [
        { essayId: 'guest', authorId: 'visitor' },
        { essayId: 'anon', authorId: null },
      ],
      k: 2,
      mode: 'assigned' as const,
      seed: 'mixed',
    };
    const r = assignReviews(input);
    expect(checkAssignment(input, r)).toEqual([]);
    expect(r.load.perReviewer.s2).toBe(2);
    expect(r.load.perReviewer.s4).toBe(2);
    // 12 reviews over 6 essays: exactly 2 each.
    expect(Object.values(r.load.perEssay)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(r.load.perEssay.guest).toBe(2);
  });

  it('is reciprocal-free on a ring-sized class (2k < n)', () => {
    const r = assignReviews({ students: roster(7), k: 3, mode: 'assigned', seed: 'ring' });
    expect(reciprocalPairs(r)).toBe(0);
    expect(r.warnings).toEqual([]);
  });

  it('returns one quota row per reviewer in quota mode', () => {
    const r = assignReviews({ students: roster(4, [3]), k: 3, mode: 'quota', seed: 1 });
    expect(r.assignments).toEqual([
      { reviewerId: 's0', essayId: null, authorId: null, required: 2 },
      { reviewerId: 's1', essayId: null, authorId: null, required: 2 },
      { reviewerId: 's2', essayId: null, authorId: null, required: 2 },
      { reviewerId: 's3', essayId: null, authorId: null, required: 3 },
    ]);
    expect(r.warnings).toHaveLength(3);
  });

  it('rejects k that is not a positive whole number', () => {
    expect(() => assignReviews({ students: roster(5), k: 0, mode: 'assigned', seed: 1 })).toThrow(/at least 1/);
    expect(() => assignReviews({ students: roster(5), k: 1.5, mode: 'assigned', seed: 1 })).toThrow(AssignmentInfeasible);
  });
});

describe('the property checker itself', () => {
  it('catches self-review, duplicates and imbalance', () => {
    const input = { students: roster(5), k: 2, mode: 'assigned' as const, seed: 3 };
    const good = assignReviews(input);
    expect(checkAssignment(input, good)).toEqual([]);
    const selfReview = structuredClone(good);
    selfReview.assignments[0] = { reviewerId: 's0', essayId: 'e0', authorId: 's0', required: 1 };
    expect(checkAssignment(input, selfReview).join()).toMatch(/self-review/);
    const dup = structuredClone(good);
    dup.assignments.push(dup.assignments[0]!);
    expect(checkAssignment(input, dup).join()).toMatch(/duplicate/);
  });
});

describe('assignLateEssay', () => {
  const base = assignReviews({ students: roster(6), k: 2, mode: 'assigned', seed: 'late' });

  it('picks the least-loaded eligible reviewers, never the author', () => {
    const reviewers = [...roster(6).map((s) => s.id), 'newcomer'];
    const r = assignLateEssay(base.assignments, { essayId: 'late-1', authorId: 's3' }, reviewers, 2, { seed: 1 });
    expect(r.assignments).toHaveLength(2);
    expect(r.assignments.map((a) => a.reviewerId)).toContain('newcomer');
    expect(r.assignments.map((a) => a.reviewerId)).not.toContain('s3');
    expect(r.warnings).toEqual([]);
  });

  it('prefers reviewers the author does not review (no new reciprocal pair)', () => {
    const existing = [
      { reviewerId: 'a', essayId: 'eb', authorId: 'b', required: 1 },
      { reviewerId: 'c', essayId: 'ea', authorId: 'a', required: 1 },
    ];
    const r = assignLateEssay(existing, { essayId: 'late', authorId: 'a' }, ['a', 'b', 'c'], 1);
    // b has load 0, c load 1: least-loaded wins even though a already reviews b (reciprocal, warned).
    expect(r.assignments[0]!.reviewerId).toBe('b');
    expect(r.warnings.join()).toMatch(/reciprocal/);
    // With equal loads, c (no reciprocal pair with a) is preferred over b.
    const equalLoad = assignLateEssay(
      [...existing, { reviewerId: 'b', essayId: 'ec', authorId: 'c', required: 1 }],
      { essayId: 'late', authorId: 'a' },
      ['a', 'b', 'c'],
      1,
    );
    expect(equalLoad.assignments[0]!.reviewerId).toBe('c');
  });

  it('warns when there are not enough eligible reviewers', () => {
    const r = assignLateEssay([], { essayId: 'x', authorId: 'a' }, ['a', 'b'], 3);
    expect(r.assignments.map((a) => a.reviewerId)).toEqual(['b']);
    expect(r.warnings[0]).toMatch(/gets 1 reviewer\(s\) instead of 3/);
  });
});
