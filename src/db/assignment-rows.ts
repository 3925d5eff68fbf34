// One page of a round's assignment rows for the reminder sweep (src/reminders/open-assignments.ts): the
// raw SQL lives here with the rest of the Prisma code; the use case keeps the batching and quota grouping.
import { Prisma } from '../generated/prisma/client.js';
import { reminderKeySuffix } from '../core/reminders/stages.js';
import type { Db } from './client.js';

export interface AssignmentRow {
  id: string;
  status: string;
  roundId: string;
  reviewerStudentId: string;
  essayId: string | null;
  slotKey: string;
  /** Of the stages asked about, those whose reminder is recorded for this row (read with it, by the dedupeKey index). */
  recordedStages?: string[];
}

/** Reviewer -> id of their row in slot `anchorSlotKey` of a quota round (the row a quota group is reminded under). */
export async function quotaAnchors(db: Db, roundId: string, anchorSlotKey: string): Promise<Map<string, string>> {
  const rows = await db.assignment.findMany({ where: { roundId, slotKey: anchorSlotKey }, select: { id: true, reviewerStudentId: true } });
  return new Map(rows.map((a) => [a.reviewerStudentId, a.id]));
}

const columns = Prisma.sql`a."id", a."roundId", a."reviewerStudentId", a."essayId", a."slotKey"`;

/**
 * One page of a round's rows after `afterId`, in id order: the cursor that keeps a big round out of memory.
 * With a `stage`, only rows still missing that stage's reminder, each with which of `stageNames` it already has:
 * one query per page instead of a second one with an IN list of every key (the sweep's main cost in CPU and garbage).
 */
export async function assignmentRowsAfter(
  db: Db,
  roundId: string,
  stage: string | undefined,
  afterId: string,
  take: number,
  stageNames: readonly string[] = [],
): Promise<AssignmentRow[]> {
  if (stage === undefined) {
    // Filtered by round only (the unique key's index); a status filter would send SQLite to the status index.
    const rows = await db.assignment.findMany({
      where: { roundId, id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, roundId: true, reviewerStudentId: true, essayId: true, slotKey: true, status: true },
    });
    return rows;
  }
  // One EXISTS per stage: portable (SQLite answers 0/1, PostgreSQL true/false) and each an index lookup.
  const recorded = stageNames.map(
    (name, i) =>
      Prisma.sql`, EXISTS (SELECT 1 FROM "Reminder" r WHERE r."dedupeKey" = a."id" || ${reminderKeySuffix(name)}) AS ${Prisma.raw(`"recorded${i}"`)}`,
  );
  // Quota rows are all read (their reminder key belongs to the reviewer's quota:1 row, checked below).
  const rows = await db.$queryRaw<(AssignmentRow & Record<string, unknown>)[]>`
    SELECT ${columns}, 'pending' AS "status"${recorded.length ? Prisma.join(recorded, '') : Prisma.empty} FROM "Assignment" a
    WHERE a."roundId" = ${roundId} AND a."id" > ${afterId} AND a."status" || '' = 'pending'
      AND (a."essayId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."dedupeKey" = a."id" || ${reminderKeySuffix(stage)}))
    ORDER BY a."id" LIMIT ${take}`;
  return rows.map(({ id, status, roundId: round, reviewerStudentId, essayId, slotKey, ...flags }) => ({
    id,
    status,
    roundId: round,
    reviewerStudentId,
    essayId,
    slotKey,
    recordedStages: stageNames.filter((_, i) => Number(flags[`recorded${i}`]) === 1),
  }));
}
