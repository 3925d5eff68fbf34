// One page of a round's assignment rows for the reminder sweep (src/reminders/open-assignments.ts): the
// raw SQL lives here with the rest of the Prisma code; the use case keeps the batching and quota grouping.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './client.js';

export interface AssignmentRow {
  id: string;
  status: string;
  roundId: string;
  reviewerStudentId: string;
  essayId: string | null;
  slotKey: string;
}

const columns = Prisma.sql`a."id", a."roundId", a."reviewerStudentId", a."essayId", a."slotKey"`;

/** One page of a round's rows after `afterId`, in id order: the cursor that keeps a big round out of memory. */
export async function assignmentRowsAfter(db: Db, roundId: string, stage: string | undefined, afterId: string, take: number): Promise<AssignmentRow[]> {
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
  // Quota rows are all read (their reminder key belongs to the reviewer's quota:1 row, checked below).
  return db.$queryRaw<AssignmentRow[]>`
    SELECT ${columns}, 'pending' AS "status" FROM "Assignment" a
    WHERE a."roundId" = ${roundId} AND a."id" > ${afterId} AND a."status" || '' = 'pending'
      AND (a."essayId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Reminder" r WHERE r."dedupeKey" = a."id" || ${`:${stage}`}))
    ORDER BY a."id" LIMIT ${take}`;
}
