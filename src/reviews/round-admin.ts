// /reviews list | cancel | swap.
import { formatDateInZone } from '../core/format/format-date.js';
import { recordStaffAction, type StaffActor } from '../courses/audit.js';
import type { Db } from '../db/client.js';
import { UserError } from '../shared/user-error.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { pendingReviewsOwed, reassignSlot, reviewerSlotKeys } from '../db/repositories/review-assignments.js';
import { cancelRoundAndPending, findRoundByName, roundsWithStatusCounts } from '../db/repositories/review-rounds.js';
import { isOnRoster } from '../db/repositories/students.js';
import { inTransaction } from '../db/transaction.js';
import { quotaSlotKey, quotaSlotNumber } from './round-plan.js';

async function roundByName(db: Db, courseId: string, name: string) {
  const round = await findRoundByName(db, courseId, name.trim());
  if (!round) throw new UserError(`round: there is no round named "${name}" in this course; /reviews list shows the rounds' names.`);
  return round;
}

export interface RoundSummary {
  name: string;
  dueAt: Date;
  status: string;
  mode: string;
  reviewsPerStudent: number;
  total: number;
  done: number;
  doneLate: number;
}

export async function listRounds(db: Db, courseId: string): Promise<RoundSummary[]> {
  const { rounds, counts } = await roundsWithStatusCounts(db, courseId);
  const count = (roundId: string, status?: string) =>
    counts.filter((c) => c.roundId === roundId && (status ? c.status === status : c.status !== 'cancelled')).reduce((n, c) => n + c.count, 0);
  return rounds.map((r) => ({
    name: r.name,
    dueAt: r.dueAt,
    status: r.status,
    mode: r.mode,
    reviewsPerStudent: r.reviewsPerStudent,
    total: count(r.id),
    done: count(r.id, 'done'),
    doneLate: count(r.id, 'done_late'),
  }));
}

export function renderRounds(rounds: RoundSummary[], timeZone: string): string {
  if (rounds.length === 0) return 'No review rounds yet. Staff create one with /reviews assign.';
  return rounds
    .map(
      (r) =>
        `• **${r.name}** (${r.mode}, ${r.reviewsPerStudent} per student) — due ${formatDateInZone(r.dueAt, timeZone, 'f')} — ${r.status === 'cancelled' ? 'cancelled' : `${r.done + r.doneLate}/${r.total} done${r.doneLate ? ` (${r.doneLate} late)` : ''}`}`,
    )
    .join('\n')
    .slice(0, 2_000);
}

export async function cancelRound(db: Db, input: { courseId: string; name: string; actor: StaffActor }): Promise<{ cancelledAssignments: number }> {
  const round = await roundByName(db, input.courseId, input.name);
  if (round.status === 'cancelled') throw new UserError(`Round "${round.name}" is already cancelled.`);
  return inTransaction(db, async (tx) => {
    const cancelledAssignments = await cancelRoundAndPending(tx, round.id);
    await recordStaffAction(tx, input.courseId, input.actor, { action: 'reviews.cancel', details: { round: round.name, assignments: cancelledAssignments } });
    return { cancelledAssignments };
  });
}

/**
 * Moves the pending reviews `from` owes in a round to `to` (e.g. a student dropped out). Slots `to`
 * cannot take (their own essay, or one they already hold in any state) stay with `from` and are reported.
 * Every move and the audit entry are one transaction: a failure anywhere leaves the round as it was.
 */
export async function swapReviewer(
  db: Db,
  input: { courseId: string; name: string; fromStudentId: string; toStudentId: string; actor: StaffActor },
): Promise<{ moved: number; kept: string[] }> {
  if (input.fromStudentId === input.toStudentId) throw new UserError('from and to are the same student: choose another student as to.');
  const round = await roundByName(db, input.courseId, input.name);
  if (round.status === 'cancelled') throw new UserError(`round: "${round.name}" is cancelled; nothing to swap.`);
  if (!(await isOnRoster(db, input.courseId, input.toStudentId)))
    throw new UserError('to: that student is not on the roster of this course; add them with /roster add (user:), then swap again.');
  try {
    return await inTransaction(db, async (tx) => {
      const owed = await pendingReviewsOwed(tx, round.id, input.fromStudentId);
      if (owed.length === 0) throw new UserError('from: that student owes no pending review in this round (/reviews list round: shows who owes what).');
      // The slots `to` holds, cancelled ones too: the unique key (round, reviewer, slot) counts them all.
      const taken = new Set(await reviewerSlotKeys(tx, round.id, input.toStudentId));
      let nextQuota = Math.max(0, ...[...taken].map((slotKey) => quotaSlotNumber(slotKey) ?? 0)) + 1;
      let moved = 0;
      const kept: string[] = [];
      for (const a of owed) {
        if (a.essay?.authorStudentId === input.toStudentId) {
          kept.push(`“${a.essay.title}” is the new reviewer’s own essay`);
          continue;
        }
        const slotKey = a.essayId ? a.slotKey : quotaSlotKey(nextQuota++);
        if (taken.has(slotKey)) {
          kept.push(`the new reviewer already reviews “${a.essay?.title ?? slotKey}”`);
          continue;
        }
        // A new assignment (not an update): its reminders start afresh for the new reviewer.
        await reassignSlot(tx, a.id, { roundId: round.id, reviewerStudentId: input.toStudentId, essayId: a.essayId, slotKey });
        taken.add(slotKey);
        moved++;
      }
      await recordStaffAction(tx, input.courseId, input.actor, {
        action: 'reviews.swap',
        targetStudentId: input.fromStudentId,
        details: { round: round.name, to: input.toStudentId, moved },
      });
      return { moved, kept };
    });
  } catch (error) {
    // Only another staff member changing the same reviewer's slots at this moment gets here.
    if (isUniqueViolation(error)) throw new UserError('round: its reviews changed while swapping; nothing was moved. Run /reviews swap again.');
    throw error;
  }
}
