// Local search over the assignment: swap the essays of two assignments when that removes reciprocal
// pairs (A reviews B and B reviews A), pairs repeated from earlier rounds, or one reviewer getting two
// essays by the same author. Swaps keep every reviewer's and every essay's load, so balance is untouched.
import type { Problem } from './problem.js';
import { randomInt, shuffled, type Rng } from './prng.js';

const W_RECIPROCAL = 4;
const W_REPEAT = 3;
const W_SAME_AUTHOR = 1;

export interface PairState {
  revOf: Int32Array;
  essOf: Int32Array;
  has: Uint8Array; // has[r * E + e]
}

export interface PairScore {
  reciprocalPairs: [number, number][]; // person indices, a < b
  repeatedPairs: [number, number][]; // [reviewer person, author person]
}

export class PairCounter {
  private readonly counts = new Map<number, number>();
  constructor(
    private readonly P: number,
    private readonly previous: Set<number>,
  ) {}
  key(a: number, b: number): number {
    return a * this.P + b;
  }
  get(a: number, b: number): number {
    return this.counts.get(this.key(a, b)) ?? 0;
  }
  add(a: number, b: number, delta: number): void {
    if (b < 0) return;
    const k = this.key(a, b);
    this.counts.set(k, (this.counts.get(k) ?? 0) + delta);
  }
  wasPrevious(a: number, b: number): boolean {
    return this.previous.has(this.key(a, b));
  }
  private ordered(a: number, b: number): number {
    const c = this.get(a, b);
    return (this.wasPrevious(a, b) ? c * W_REPEAT : 0) + Math.max(0, c - 1) * W_SAME_AUTHOR;
  }
  /** Penalty carried by the unordered pair {a, b}. */
  pairPenalty(a: number, b: number): number {
    if (a < 0 || b < 0) return 0;
    const recip = a !== b && this.get(a, b) > 0 && this.get(b, a) > 0 ? W_RECIPROCAL : 0;
    return recip + this.ordered(a, b) + (a === b ? 0 : this.ordered(b, a));
  }
}

function localPenalty(c: PairCounter, pairs: [number, number][]): number {
  let sum = 0;
  const seen = new Set<number>();
  for (const [a, b] of pairs) {
    if (a < 0 || b < 0) continue;
    const k = Math.min(a, b) * 1e7 + Math.max(a, b);
    if (seen.has(k)) continue;
    seen.add(k);
    sum += c.pairPenalty(a, b);
  }
  return sum;
}

export function improvePairs(p: Problem, s: PairState, c: PairCounter, rng: Rng, budget = 400_000): void {
  const E = p.essayIds.length;
  const N = s.revOf.length;
  const person = (i: number): number => p.reviewerPerson[s.revOf[i]!]!;
  const author = (i: number): number => p.authorPerson[s.essOf[i]!]!;
  const isBad = (i: number): boolean => author(i) >= 0 && c.pairPenalty(person(i), author(i)) > 0;
  let evaluations = 0;
  for (let pass = 0; pass < 30 && evaluations < budget; pass++) {
    let improved = false;
    const bad = shuffled([...Array(N).keys()].filter(isBad), rng);
    for (const i of bad) {
      if (!isBad(i)) continue;
      const tries = Math.min(N, 400);
      for (let t = 0; t < tries && evaluations < budget; t++) {
        const j = randomInt(rng, N);
        if (trySwap(p, s, c, i, j, E)) {
          improved = true;
          break;
        }
        evaluations++;
      }
    }
    if (!improved) break;
  }
}

function trySwap(p: Problem, s: PairState, c: PairCounter, i: number, j: number, E: number): boolean {
  const r1 = s.revOf[i]!;
  const r2 = s.revOf[j]!;
  const e1 = s.essOf[i]!;
  const e2 = s.essOf[j]!;
  if (r1 === r2 || e1 === e2) return false;
  const x = p.reviewerPerson[r1]!;
  const y = p.reviewerPerson[r2]!;
  const a = p.authorPerson[e1]!;
  const b = p.authorPerson[e2]!;
  if (b === x || a === y || s.has[r1 * E + e2] || s.has[r2 * E + e1]) return false;
  const affected: [number, number][] = [
    [x, a],
    [x, b],
    [y, a],
    [y, b],
  ];
  const before = localPenalty(c, affected);
  c.add(x, a, -1);
  c.add(y, b, -1);
  c.add(x, b, 1);
  c.add(y, a, 1);
  const after = localPenalty(c, affected);
  if (after < before) {
    s.essOf[i] = e2;
    s.essOf[j] = e1;
    s.has[r1 * E + e1] = 0;
    s.has[r2 * E + e2] = 0;
    s.has[r1 * E + e2] = 1;
    s.has[r2 * E + e1] = 1;
    return true;
  }
  c.add(x, a, 1);
  c.add(y, b, 1);
  c.add(x, b, -1);
  c.add(y, a, -1);
  return false;
}

/** The reciprocal and repeated pairs left after the search, for warnings and stats. */
export function scorePairs(p: Problem, s: PairState, c: PairCounter): PairScore {
  const reciprocal = new Map<number, [number, number]>();
  const repeated = new Map<number, [number, number]>();
  for (let i = 0; i < s.revOf.length; i++) {
    const x = p.reviewerPerson[s.revOf[i]!]!;
    const a = p.authorPerson[s.essOf[i]!]!;
    if (a < 0) continue;
    if (c.get(a, x) > 0) reciprocal.set(c.key(Math.min(x, a), Math.max(x, a)), [Math.min(x, a), Math.max(x, a)]);
    if (c.wasPrevious(x, a)) repeated.set(c.key(x, a), [x, a]);
  }
  return { reciprocalPairs: [...reciprocal.values()], repeatedPairs: [...repeated.values()] };
}
