// Reads the open (pending) assignments the reminder planning needs, as few as possible: with
// `missingStage`, only those that have not yet had their round's current stage, which between
// stages is none at all (the check runs in the database against the Reminder dedupeKey index).
import type { Db } from '../db/client.js';
import { assignmentRowsAfter, quotaAnchors, type AssignmentRow as Row } from '../db/assignment-rows.js';
import { assignmentsReminded } from '../db/repositories/reminders.js';
import type { ReminderAssignment } from '../core/reminders/plan-reminders.js';
import { reminderKeySuffix } from '../core/reminders/stages.js';
import type { ActiveRound } from '../db/repositories/active-rounds.js';
import { quotaSlotKey, quotaSlotNumber } from '../reviews/round-plan.js';

export interface OpenAssignment extends ReminderAssignment {
  roundId: string;
  essayId: string | null;
  slotKey: string;
  /** Quota: slots still open (peer essays still to comment on); 1 for an essay assignment. */
  pendingSlots: number;
  /** The stages (of those the caller asked about) whose reminder is already recorded, when read with the row. */
  recordedStages?: string[];
}

/** Rows read per query: a course's size no longer sets the sweep's peak memory, a batch does. */
export const ASSIGNMENT_BATCH = 500;

/**
 * Pending assignments of the given rounds, in batches of at most `batchSize` essay assignments read by id
 * cursor. A quota reviewer has one row per slot but is reminded once per stage: the group is planned under
 * its "quota:1" row's id (the anchor, whatever its status), so finishing slot 1 does not start the stages
 * again for slot 2. Quota groups span batches, so they are yielded after their round's last batch (one
 * entry per reviewer: bounded by the roster, not by the number of rows). With a missing stage, each essay row also
 * says which of `stageNames` it already has (read in the same query); quota entries do not (their key is the anchor's).
 */
export async function* openAssignmentBatches(
  db: Db,
  rounds: readonly ActiveRound[],
  missingStage?: ReadonlyMap<string, string>,
  { batchSize = ASSIGNMENT_BATCH, stageNames = [] }: { batchSize?: number; stageNames?: readonly string[] } = {},
): AsyncGenerator<OpenAssignment[]> {
  for (const round of rounds) {
    const stage = missingStage?.get(round.id);
    if (missingStage && stage === undefined) continue;
    const groups = new Map<string, { n: number; row: Row; pending: number }>();
    for (let afterId = '', more = true; more;) {
      const rows = await assignmentRowsAfter(db, round.id, stage, afterId, batchSize, stageNames);
      more = rows.length === batchSize;
      if (rows.length) afterId = rows[rows.length - 1]!.id;
      const batch: OpenAssignment[] = [];
      for (const r of rows) {
        if (r.status !== 'pending') continue;
        const n = quotaSlotNumber(r.slotKey);
        if (n === null) {
          batch.push({
            id: r.id,
            roundId: r.roundId,
            reviewerId: r.reviewerStudentId,
            essayId: r.essayId,
            slotKey: r.slotKey,
            dueAt: round.dueAt,
            completedAt: null,
            cancelled: false,
            pendingSlots: 1,
            ...(r.recordedStages && { recordedStages: r.recordedStages }),
          });
          continue;
        }
        const g = groups.get(r.reviewerStudentId);
        if (!g) groups.set(r.reviewerStudentId, { n, row: r, pending: 1 });
        else {
          g.pending++;
          if (n < g.n) Object.assign(g, { n, row: r });
        }
      }
      if (batch.length) yield batch;
    }
    if (groups.size) yield await quotaGroups(db, round, stage, groups);
  }
}

async function quotaGroups(
  db: Db,
  round: ActiveRound,
  stage: string | undefined,
  groups: Map<string, { row: Row; pending: number }>,
): Promise<OpenAssignment[]> {
  const anchorOf = await quotaAnchors(db, round.id, quotaSlotKey(1));
  const grouped = [...groups.values()].map((g) => ({ g, id: anchorOf.get(g.row.reviewerStudentId) ?? g.row.id }));
  const done =
    stage === undefined
      ? new Set<string>()
      : await assignmentsReminded(
          db,
          grouped.map((x) => x.id + reminderKeySuffix(stage)),
        );
  const out: OpenAssignment[] = [];
  for (const { g, id } of grouped) {
    if (done.has(id)) continue;
    out.push({
      id,
      roundId: round.id,
      reviewerId: g.row.reviewerStudentId,
      essayId: null,
      slotKey: g.row.slotKey,
      dueAt: round.dueAt,
      completedAt: null,
      cancelled: false,
      pendingSlots: g.pending,
    });
  }
  return out;
}

/** Every pending assignment at once: for the digest and the preview, which need the whole list. */
export async function openAssignments(db: Db, rounds: readonly ActiveRound[], missingStage?: ReadonlyMap<string, string>): Promise<OpenAssignment[]> {
  const out: OpenAssignment[] = [];
  for await (const batch of openAssignmentBatches(db, rounds, missingStage)) out.push(...batch);
  return out;
}
