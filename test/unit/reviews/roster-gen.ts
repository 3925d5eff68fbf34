// Seeded random rosters for property tests: the same seed gives the same roster, so a failure prints
// a seed that reproduces it.
import { createRng, randomInt, type Rng } from '../../../src/core/reviews/prng.js';
import type { AssignInput, EssayRef, StudentRef } from '../../../src/core/reviews/assign-types.js';

export interface GeneratedRound {
  input: AssignInput;
  /** Every student has exactly one essay, nobody else writes: the textbook case. */
  standard: boolean;
}

function pickSize(rng: Rng): number {
  const u = rng();
  if (u < 0.7) return 2 + randomInt(rng, 39); // 2..40: most courses
  if (u < 0.93) return 41 + randomInt(rng, 110); // 41..150
  return 151 + randomInt(rng, 250); // 151..400
}

export function generateRound(seed: number): GeneratedRound {
  const rng = createRng(`roster-${seed}`);
  const n = pickSize(rng);
  const standard = rng() < 0.3;
  const missing = standard ? 0 : rng() * 0.4;
  const double = standard ? 0 : rng() * 0.1;
  const students: StudentRef[] = [];
  for (let i = 0; i < n; i++) {
    const id = `stu-${seed}-${i}`;
    const essayIds: string[] = [];
    if (rng() >= missing) essayIds.push(`ess-${seed}-${i}-a`);
    if (essayIds.length && rng() < double) essayIds.push(`ess-${seed}-${i}-b`);
    students.push({ id, hasEssay: essayIds.length > 0, essayIds });
  }
  // Essays by authors who are not reviewers (dropped the course, guest posts).
  const essays: EssayRef[] = [];
  const orphans = standard ? 0 : rng() < 0.3 ? 1 + randomInt(rng, 4) : 0;
  for (let i = 0; i < orphans; i++) essays.push({ essayId: `orph-${seed}-${i}`, authorId: rng() < 0.5 ? `gone-${seed}-${i}` : null });
  const k = rng() < 0.9 ? 1 + randomInt(rng, 4) : 1 + randomInt(rng, 8);
  const previousPairs: [string, string][] = [];
  const prevCount = rng() < 0.5 ? randomInt(rng, n * 2) : 0;
  for (let i = 0; i < prevCount; i++) {
    const a = students[randomInt(rng, n)]!.id;
    const b = students[randomInt(rng, n)]!.id;
    if (a !== b) previousPairs.push([a, b]);
  }
  return {
    input: { students, essays, k, mode: 'assigned', seed: `seed-${seed}`, previousPairs },
    standard: standard && previousPairs.length === 0,
  };
}
