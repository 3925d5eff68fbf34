import type { Db } from '../client.js';

// What the retention job (src/privacy/retention.ts, prune-delivered-effects.ts) reads and marks.

/** An ended course still holding personal data, as the retention job sees it. */
export interface EndedCourseRow {
  id: string;
  guildId: string;
  name: string;
  staffChannelId: string | null;
  endsAt: Date | null;
  retentionDays: number;
}

/**
 * Courses not purged that ended by `endedBy`, earliest end first; with `{ purgeWarnedAt: null }` only those
 * whose staff were not warned yet. Column arithmetic (endsAt + retentionDays) is not portable through Prisma,
 * so the caller tests the purge date itself.
 */
export function endedUnpurgedCourses(db: Db, endedBy: Date, extra: { purgeWarnedAt?: null } = {}): Promise<EndedCourseRow[]> {
  return db.course.findMany({
    where: { purgedAt: null, endsAt: { not: null, lte: endedBy }, ...extra },
    select: { id: true, guildId: true, name: true, staffChannelId: true, endsAt: true, retentionDays: true },
    orderBy: { endsAt: 'asc' },
  });
}

/** Records that staff were told of the coming purge; false when another process marked it first. */
export async function markCoursePurgeWarned(db: Db, courseId: string, now: Date): Promise<boolean> {
  const res = await db.course.updateMany({ where: { id: courseId, purgeWarnedAt: null }, data: { purgeWarnedAt: now } });
  return res.count === 1;
}

/** Replaces the payload of effects delivered by `doneBy` (and not yet pruned) with `prunedPayload`; returns how many. */
export async function pruneEffectPayloadsDoneBy(db: Db, doneBy: Date, prunedPayload: string): Promise<number> {
  const res = await db.outboxItem.updateMany({
    where: { status: 'done', doneAt: { lte: doneBy }, NOT: { payload: prunedPayload } },
    data: { payload: prunedPayload, lastError: null },
  });
  return res.count;
}
