// /reviews swap, typed by staff when a student drops out of a round: the reviews that student still owes move
// to another student, all of them together with the audit entry, or none. The class is built the way a course
// builds it (roster CSV, essays on the blog, /reviews assign + Confirm); the truth is worked out from the pairs
// staff see in /reviews list, not from the code that swaps.
import { describe, expect, it } from 'vitest';
import { refuseAuditEntries } from '../../support/failing-audit-insert.js';
import { useBotWorld, world } from '../../support/use-bot-world.js';
import { assignAndConfirm, enrolClass, inDays, pairsOnPage, runAs, type ClassStudent } from './class-of-students.js';

useBotWorld({ courseSetUp: true });

type Pair = [reviewer: string, essayTitle: string];

async function pairsOfWeek3(): Promise<Pair[]> {
  return pairsOnPage((await runAs(world, world.instructorId, 'reviews', 'list', { round: 'Week 3' })).content);
}

const sorted = (pairs: Pair[]) => pairs.map((p) => p.join(' | ')).sort();

/**
 * What a swap from `from` to `to` must do, from the pairs before it: each essay `from` still reviews moves
 * to `to`, unless it is `to`'s own essay or one `to` already reviews (those stay with `from`).
 */
function swapOf(pairs: Pair[], from: ClassStudent, to: ClassStudent) {
  const alreadyReviewed = new Set(pairs.filter(([reviewer]) => reviewer === to.name).map(([, title]) => title));
  const owed = pairs.filter(([reviewer]) => reviewer === from.name).map(([, title]) => title);
  const moved = owed.filter((title) => title !== to.essayTitle && !alreadyReviewed.has(title));
  const after: Pair[] = pairs.map(([reviewer, title]) => (reviewer === from.name && moved.includes(title) ? [to.name, title] : [reviewer, title]));
  return { moved, kept: owed.length - moved.length, after };
}

/** A class of five in round Week 3 (two reviews each), and a student whose reviews can move to another. */
async function classWithRound() {
  const students = await enrolClass(world, 5);
  await assignAndConfirm(world, { name: 'Week 3', due: inDays(7), reviews: 2 });
  const before = await pairsOfWeek3();
  expect(before).toHaveLength(10);
  const [from, ...others] = students;
  const to = others.find((s) => swapOf(before, from!, s).moved.length > 0)!;
  return { before, from: from!, to, expected: swapOf(before, from!, to) };
}

const swap = (from: ClassStudent, to: ClassStudent) =>
  runAs(world, world.instructorId, 'reviews', 'swap', { round: 'Week 3', from: from.discordId, to: to.discordId });

describe('/reviews swap', () => {
  it('moves the reviews a student owes to another student, and the list and the audit log show it', async () => {
    const { from, to, expected } = await classWithRound();

    const reply = await swap(from, to);
    expect(reply.content).toContain(`${expected.moved.length} review(s) moved from ${from.name} to ${to.name}.`);
    if (expected.kept > 0) expect(reply.content).toContain(`Kept with ${from.name}:`);
    else expect(reply.content).not.toContain('Kept with');

    expect(sorted(await pairsOfWeek3())).toEqual(sorted(expected.after));
    const audit = await runAs(world, world.instructorId, 'report', 'audit', { limit: 5 });
    expect(audit.content).toContain(`**reviews.swap** → ${from.name}`);
    expect(audit.content).toContain(`moved=${expected.moved.length}`);
  }, 120_000);

  it('changes nothing when its last write fails: no review has moved, and staff are told nothing was changed', async () => {
    const { before, from, to } = await classWithRound();
    // The database refuses the swap's audit entry, the last of its writes.
    await refuseAuditEntries(world.testDb.db, 'reviews.swap');

    const reply = await swap(from, to);
    expect(reply.content).toContain('Nothing was changed');
    expect(sorted(await pairsOfWeek3())).toEqual(sorted(before));
  }, 120_000);
});
