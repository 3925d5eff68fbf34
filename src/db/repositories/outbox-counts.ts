import type { Db } from '../client.js';

// Outbox figures for /sync status, /report health and /metrics: counted in the database, all processes together.

export function countOutboxItems(db: Db, input: { status: 'pending' | 'dead'; courseId?: string }): Promise<number> {
  return db.outboxItem.count({ where: { ...(input.courseId ? { courseId: input.courseId } : {}), status: input.status } });
}

/** Pending effects per kind, with the oldest one's creation time. */
export async function pendingOutboxByKind(db: Db): Promise<Array<{ kind: string; count: number; oldestCreatedAt: Date | null }>> {
  const rows = await db.outboxItem.groupBy({ by: ['kind'], where: { status: 'pending' }, _count: { _all: true }, _min: { createdAt: true } });
  return rows.map((row) => ({ kind: row.kind, count: row._count._all, oldestCreatedAt: row._min.createdAt }));
}

/** Dead letters per kind. */
export async function deadOutboxByKind(db: Db): Promise<Array<{ kind: string; count: number }>> {
  const rows = await db.outboxItem.groupBy({ by: ['kind'], where: { status: 'dead' }, _count: { _all: true } });
  return rows.map((row) => ({ kind: row.kind, count: row._count._all }));
}

/** When the course's oldest pending effect was created, or null when none is pending. */
export async function oldestPendingOutboxAt(db: Db, courseId: string): Promise<Date | null> {
  const oldest = await db.outboxItem.findFirst({ where: { courseId, status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } });
  return oldest?.createdAt ?? null;
}
