import type { Db, Tx } from '../client.js';

// OutboxItem rows: the durable effects (src/outbox decides order, readiness and retries; this file only
// reads and writes rows). Conditional updates (`updateMany` on id + status + attempt) are how a stale
// drainer is refused: they return whether the row still matched.

/** A new effect row, its JSON fields already encoded. */
export interface OutboxInsert {
  courseId: string | null;
  kind: string;
  dedupeKey: string;
  orderKey: string;
  waitsForJson: string;
  payloadJson: string;
  nextAttemptAt: Date;
  createdAt: Date;
}

export interface PendingOutboxItem {
  id: string;
  courseId: string | null;
  kind: string;
  orderKey: string;
  waitsFor: string;
  payload: string;
  attempts: number;
  attemptsAtRevive: number;
  revivedAt: Date | null;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
  createdAt: Date;
}

/** When the orderKey's newest pending effect was created, or null when none is pending. */
export async function latestPendingCreatedAt(tx: Tx | Db, orderKey: string): Promise<Date | null> {
  const latest = await tx.outboxItem.findFirst({ where: { orderKey, status: 'pending' }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  return latest?.createdAt ?? null;
}

/** Inserts the row unless its dedupeKey exists (then nothing changes): recording an intent twice is harmless. */
export async function insertOutboxItemOnce(tx: Tx | Db, row: OutboxInsert): Promise<void> {
  const { waitsForJson, payloadJson, ...rest } = row;
  await tx.outboxItem.upsert({ where: { dedupeKey: row.dedupeKey }, create: { ...rest, waitsFor: waitsForJson, payload: payloadJson }, update: {} });
}

/** Pending rows oldest first (createdAt, then id), optionally for some courses only. */
export function pendingOutboxItems(db: Db, input: { courseIds?: string[]; take: number }): Promise<PendingOutboxItem[]> {
  return db.outboxItem.findMany({
    where: { status: 'pending', ...(input.courseIds ? { courseId: { in: input.courseIds } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      courseId: true,
      kind: true,
      orderKey: true,
      waitsFor: true,
      payload: true,
      attempts: true,
      attemptsAtRevive: true,
      revivedAt: true,
      nextAttemptAt: true,
      claimedUntil: true,
      createdAt: true,
    },
    take: input.take,
  });
}

/** Which of these dedupeKeys belong to effects still pending. */
export async function pendingDedupeKeys(db: Db, dedupeKeys: string[]): Promise<string[]> {
  const rows = await db.outboxItem.findMany({ where: { dedupeKey: { in: dedupeKeys }, status: 'pending' }, select: { dedupeKey: true } });
  return rows.map((row) => row.dedupeKey);
}

/** Marks this attempt done with its result; false when the attempt is no longer the row's (taken over). */
export async function markOutboxItemDone(tx: Tx, claim: { id: string; attempt: number }, input: { resultJson: string | null; now: Date }): Promise<boolean> {
  const done = await tx.outboxItem.updateMany({
    where: { id: claim.id, status: 'pending', attempts: claim.attempt },
    data: { status: 'done', doneAt: input.now, lastError: null, claimedBy: null, claimedUntil: null, result: input.resultJson },
  });
  return done.count === 1;
}

/** Frees the claim and sets the next try (or the dead letter), only while this attempt is still the row's. */
export async function rescheduleOutboxItem(db: Db, claim: { id: string; attempt: number }, input: { error: string; at: Date; dead: boolean }): Promise<void> {
  await db.outboxItem.updateMany({
    where: { id: claim.id, status: 'pending', attempts: claim.attempt },
    data: { lastError: input.error, nextAttemptAt: input.at, status: input.dead ? 'dead' : 'pending', claimedBy: null, claimedUntil: null },
  });
}

export function deadOutboxItems(db: Tx | Db, input: { courseId: string; id?: string }): Promise<Array<{ id: string; attempts: number }>> {
  return db.outboxItem.findMany({
    where: { courseId: input.courseId, status: 'dead', ...(input.id ? { id: input.id } : {}) },
    select: { id: true, attempts: true },
  });
}

/** Dead back to pending, due now; false when the row changed since it was read. */
export async function reviveOutboxItem(db: Tx | Db, row: { id: string; attempts: number }, now: Date): Promise<boolean> {
  const result = await db.outboxItem.updateMany({
    where: { id: row.id, status: 'dead', attempts: row.attempts },
    data: { status: 'pending', nextAttemptAt: now, revivedAt: now, attemptsAtRevive: row.attempts, claimedBy: null, claimedUntil: null },
  });
  return result.count === 1;
}
