// Finds who reviews which essay so every reviewer meets its target and essay loads stay within
// [lo, hi] (hi = lo + 1). A cyclic greedy pass does nearly all the work (reviewer i takes the essays
// after its own, which is reciprocal-free when 2k < n); augmenting paths (Ford-Fulkerson on the
// bipartite graph) finish what greedy cannot. Filling every essay to lo before allowing hi keeps the
// lower bound: augmenting paths never take load off an essay.
import type { Problem } from './problem.js';

export interface FlowState {
  has: Uint8Array; // has[r * E + e]
  reviewerEssays: number[][];
  essayReviewers: number[][];
  rLoad: Int32Array;
  eLoad: Int32Array;
}

export function emptyFlow(p: Problem): FlowState {
  const R = p.reviewerIds.length;
  const E = p.essayIds.length;
  return {
    has: new Uint8Array(R * E),
    reviewerEssays: Array.from({ length: R }, () => []),
    essayReviewers: Array.from({ length: E }, () => []),
    rLoad: new Int32Array(R),
    eLoad: new Int32Array(E),
  };
}

function assign(s: FlowState, E: number, r: number, e: number): void {
  s.has[r * E + e] = 1;
  s.reviewerEssays[r]!.push(e);
  s.essayReviewers[e]!.push(r);
  s.rLoad[r]!++;
  s.eLoad[e]!++;
}

function unassign(s: FlowState, E: number, r: number, e: number): void {
  s.has[r * E + e] = 0;
  const re = s.reviewerEssays[r]!;
  re.splice(re.indexOf(e), 1);
  const er = s.essayReviewers[e]!;
  er.splice(er.indexOf(r), 1);
  s.rLoad[r]!--;
  s.eLoad[e]!--;
}

function greedy(p: Problem, s: FlowState, target: Int32Array, start: Int32Array, cap: number): void {
  const E = p.essayIds.length;
  for (let r = 0; r < p.reviewerIds.length; r++) {
    for (let step = 0; step < E && s.rLoad[r]! < target[r]!; step++) {
      const e = (start[r]! + step) % E;
      if (p.authorPerson[e] === p.reviewerPerson[r] || s.has[r * E + e] || s.eLoad[e]! >= cap) continue;
      assign(s, E, r, e);
    }
  }
}

/** One breadth-first augmenting path from reviewer `root`; false when none exists. */
function augment(p: Problem, s: FlowState, root: number, cap: number): boolean {
  const R = p.reviewerIds.length;
  const E = p.essayIds.length;
  const takenBy = new Int32Array(E).fill(-1);
  const drops = new Int32Array(R).fill(-1);
  const seen = new Uint8Array(R);
  seen[root] = 1;
  const queue = [root];
  for (let qi = 0; qi < queue.length; qi++) {
    const x = queue[qi]!;
    for (const e of p.eligible[x]!) {
      if (takenBy[e] !== -1 || s.has[x * E + e]) continue;
      takenBy[e] = x;
      if (s.eLoad[e]! < cap) {
        // Walk back: each reviewer on the path takes its essay and gives up the one it was reached by.
        let essay = e;
        for (;;) {
          const who = takenBy[essay]!;
          assign(s, E, who, essay);
          const dropped = drops[who]!;
          if (who === root) return true;
          unassign(s, E, who, dropped);
          essay = dropped;
        }
      }
      for (const y of s.essayReviewers[e]!) {
        if (seen[y]) continue;
        seen[y] = 1;
        drops[y] = e;
        queue.push(y);
      }
    }
  }
  return false;
}

function complete(p: Problem, s: FlowState, target: Int32Array, cap: number): void {
  const full = p.essayIds.length * cap;
  let placed = s.eLoad.reduce((a, b) => a + b, 0);
  for (let r = 0; r < p.reviewerIds.length; r++) {
    // Every essay at cap: no augmenting path can exist, and searching for one costs a full graph walk.
    if (placed >= full) return;
    while (s.rLoad[r]! < target[r]! && placed < full && augment(p, s, r, cap)) placed++;
  }
}

export function balancedFlow(p: Problem, target: Int32Array, start: Int32Array, lo: number, hi: number): FlowState {
  const s = emptyFlow(p);
  if (lo > 0) {
    greedy(p, s, target, start, lo);
    complete(p, s, target, lo);
  }
  greedy(p, s, target, start, hi);
  complete(p, s, target, hi);
  return s;
}
