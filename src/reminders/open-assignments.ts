// Reads the open (pending) assignments the reminder planning needs, as few as possible: with
// `missingStage`, only those that have not yet had their round's current stage, which between
// stages is none at all (the check runs in the database against the Reminder dedupeKey index).
import type { Db } from '../db/client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ReminderAssignment } from '../core/reminders/plan-reminders.js';
import type { ActiveRound } from '../reviews/active-rounds.js';
import { quotaSlotKey, quotaSlotNumber } from '../reviews/round-plan.js';

export interface OpenAssignment extends ReminderAssignment {
  roundId: string;
  essayId: string | null;
  slotKey: string;
  /** Quota: slots still open (peer essays still to comment on); 1 for an essay assignment. */
  pendingSlots: number;
}

interface Row {
  id: string;
  roundId: string;
  reviewerStudentId: string;
  essayId: string | null;
  slotKey: string;
}

const columns = Prisma.sql`a."id", a."roundId", a."reviewerStudentId", a."essayId", a."slotKey"`;

async function rowsFor(db: Db, round: ActiveRound, stage: string | undefined): Promise<Row[]> {
  if (stage === undefined) {
    // Filtered by round only (the unique key's index); a status filter would send SQLite to the status index.
    const rows = await db.assignment.findMany({ where: { roundId: round.id }, select: { id: true, roundId: true, reviewerStudentId: true, essayId: true, slotKey: true, status: true } });
    return rows.filter((r) => r.status === 'pending');
  }
  // Quota rows are all read (their reminder key belongs to the reviewer's quota:1 row, checked below).
  return db.$queryRaw<Row[]>`
    SELECT ${columns} FROM "Assignment" a
    WHERE a."roundId" = ${round.id} AND a."status" || '' = 'pending'
      AND (a."essayId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."dedupeKey" = a."id" || ${`:${stage}`}))`;
}

/**
 * Pending assignments of the given rounds. A quota reviewer has one row per slot but is reminded once
 * per stage: the group is planned under its "quota:1" row's id (the anchor, whatever its status), so
 * finishing slot 1 does not start the stages again for slot 2.
 */
export async function openAssignments(db: Db, rounds: readonly ActiveRound[], missingStage?: ReadonlyMap<string, string>): Promise<OpenAssignment[]> {
  const out: OpenAssignment[] = [];
  for (const round of rounds) {
    const stage = missingStage?.get(round.id);
    if (missingStage && stage === undefined) continue;
    const groups = new Map<string, { n: number; row: Row; pending: number }>();
    for (const r of await rowsFor(db, round, stage)) {
      const n = quotaSlotNumber(r.slotKey);
      if (n === null) {
        out.push({ id: r.id, roundId: r.roundId, reviewerId: r.reviewerStudentId, essayId: r.essayId, slotKey: r.slotKey, dueAt: round.dueAt, completedAt: null, cancelled: false, pendingSlots: 1 });
        continue;
      }
      const g = groups.get(r.reviewerStudentId);
      if (!g) groups.set(r.reviewerStudentId, { n, row: r, pending: 1 });
      else {
        g.pending++;
        if (n < g.n) Object.assign(g, { n, row: r });
      }
    }
    if (groups.size === 0) continue;
    const anchors = await db.assignment.findMany({ where: { roundId: round.id, slotKey: quotaSlotKey(1) }, select: { id: true, reviewerStudentId: true } });
    const anchorOf = new Map(anchors.map((a) => [a.reviewerStudentId, a.id]));
    const grouped = [...groups.values()].map((g) => ({ g, id: anchorOf.get(g.row.reviewerStudentId) ?? g.row.id }));
    const done = stage === undefined ? new Set<string>() : new Set((await db.reminder.findMany({
      where: { dedupeKey: { in: grouped.map((x) => `${x.id}:${stage}`) } }, select: { assignmentId: true },
    })).map((r) => r.assignmentId));
    for (const { g, id } of grouped) {
      if (done.has(id)) continue;
      out.push({ id, roundId: round.id, reviewerId: g.row.reviewerStudentId, essayId: null, slotKey: g.row.slotKey, dueAt: round.dueAt, completedAt: null, cancelled: false, pendingSlots: g.pending });
    }
  }
  return out;
}

/** Which of these reminder keys are already recorded (looked up by the unique dedupeKey index). */
export async function recordedKeys(db: Db, candidates: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) {
    const rows = await db.reminder.findMany({ where: { dedupeKey: { in: candidates.slice(i, i + 500) } }, select: { dedupeKey: true } });
    for (const r of rows) keys.add(r.dedupeKey);
  }
  return keys;
}
