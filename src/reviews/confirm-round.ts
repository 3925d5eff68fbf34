// /reviews assign, step 2 (the Confirm button): apply exactly the previewed plan in one transaction.
// Idempotent: the round carries the preview id as its seed, so a second press finds it instead of
// creating another; the delete of the confirmation row decides the race between two presses.
import { recordAudit } from '../courses/audit.js';
import type { Db } from '../db/client.js';
import { UserError } from '../shared/user-error.js';
import { isForeignKeyViolation, isUniqueViolation } from '../db/db-errors.js';
import { createRoundWithAssignments, roundBySeed } from '../db/repositories/review-rounds.js';
import { discardPendingConfirmation, findPendingConfirmation, takePendingConfirmation } from '../db/repositories/round-confirmations.js';
import { inTransaction } from '../db/transaction.js';
import { ROUND_CONFIRMATION_KIND, roundPlanSchema } from './round-plan.js';
import { recordRoundNotices } from './round-notices.js';

export interface ConfirmOutcome {
  roundId: string;
  courseId: string;
  name: string;
  assignments: number;
  /** false when an earlier press already created the round. */
  created: boolean;
}

export async function confirmRound(db: Db, pendingId: string, actor: { userId: string; guildId: string }, now: Date): Promise<ConfirmOutcome> {
  const pending = await findPendingConfirmation(db, pendingId);
  if (!pending || pending.kind !== ROUND_CONFIRMATION_KIND) return alreadyDone(db, pendingId);
  if (pending.expiresAt.getTime() <= now.getTime()) {
    await takePendingConfirmation(db, pendingId);
    throw new UserError('This preview expired (previews last 30 minutes). Run /reviews assign again; nothing was saved.');
  }
  if (pending.actorUserId !== actor.userId) throw new UserError('Only the person who asked for this preview can confirm it.');
  const plan = roundPlanSchema.parse(JSON.parse(pending.payload));
  try {
    return await inTransaction(db, async (tx) => {
      if (!(await takePendingConfirmation(tx, pendingId))) throw new AlreadyTaken();
      const roundId = await createRoundWithAssignments(
        tx,
        {
          courseId: plan.courseId,
          name: plan.name,
          dueAt: new Date(plan.dueAt),
          reviewsPerStudent: plan.k,
          mode: plan.mode,
          essayFilter: JSON.stringify(plan.filter),
          minCommentWords: plan.minWords ?? null,
          seed: pendingId,
          createdByUserId: actor.userId,
          createdAt: now,
        },
        plan.slots.map((s) => ({ reviewerStudentId: s.reviewerId, essayId: s.essayId, slotKey: s.slotKey })),
      );
      // Recorded with the round: each student is told once, whoever presses Confirm again and whenever the bot restarts.
      await recordRoundNotices(tx, { courseId: plan.courseId, roundId, reviewerIds: plan.slots.map((s) => s.reviewerId), now });
      await recordAudit(tx, {
        courseId: plan.courseId,
        guildId: actor.guildId,
        actorUserId: actor.userId,
        action: 'reviews.assign',
        details: { round: plan.name, assignments: plan.slots.length },
      });
      return { roundId, courseId: plan.courseId, name: plan.name, assignments: plan.slots.length, created: true };
    });
  } catch (error) {
    if (error instanceof AlreadyTaken) return alreadyDone(db, pendingId);
    if (isUniqueViolation(error)) throw new UserError(`A round named "${plan.name}" was created meanwhile; run /reviews assign with another name.`);
    if (isForeignKeyViolation(error))
      throw new UserError('The roster or the essays changed since the preview (someone was removed). Run /reviews assign again; nothing was saved.');
    throw error;
  }
}

class AlreadyTaken extends Error {}

async function alreadyDone(db: Db, pendingId: string): Promise<ConfirmOutcome> {
  const round = await roundBySeed(db, pendingId);
  if (round) return { roundId: round.id, courseId: round.courseId, name: round.name, assignments: round.assignments, created: false };
  throw new UserError('This preview was cancelled or has expired. Run /reviews assign again.');
}

/** The Cancel button of a preview: forget it. */
export async function discardPreview(db: Db, pendingId: string): Promise<boolean> {
  return discardPendingConfirmation(db, pendingId, ROUND_CONFIRMATION_KIND);
}
