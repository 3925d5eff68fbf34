import type { Db } from '../../db/client.js';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface NewEffect {
  courseId: string | null;
  kind: string;
  /** Unique per effect: recording the same intent twice is harmless. */
  dedupeKey: string;
  /** Effects sharing an orderKey run one at a time, oldest first (usually the essay id). */
  orderKey: string;
  payload: unknown;
}

/** Records an effect to perform; call inside the transaction that records the change causing it. */
export async function enqueueEffect(tx: Tx | Db, effect: NewEffect, now: Date): Promise<void> {
  await tx.outboxItem.upsert({
    where: { dedupeKey: effect.dedupeKey },
    create: {
      courseId: effect.courseId,
      kind: effect.kind,
      dedupeKey: effect.dedupeKey,
      orderKey: effect.orderKey,
      payload: JSON.stringify(effect.payload),
      nextAttemptAt: now,
      createdAt: now,
    },
    update: {},
  });
}

export interface OutboxRow {
  id: string;
  courseId: string | null;
  kind: string;
  orderKey: string;
  payload: string;
  attempts: number;
  createdAt: Date;
}

/**
 * The effects ready to run now: for each orderKey only its oldest pending effect, and only when due,
 * so a failing effect holds back the ones after it in the same thread instead of being overtaken.
 */
export async function readyEffects(db: Db, input: { now: Date; courseIds?: string[]; limit?: number }): Promise<OutboxRow[]> {
  const pending = await db.outboxItem.findMany({
    where: { status: 'pending', ...(input.courseIds ? { courseId: { in: input.courseIds } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, courseId: true, kind: true, orderKey: true, payload: true, attempts: true, nextAttemptAt: true, createdAt: true },
    take: 2_000,
  });
  const seen = new Set<string>();
  const ready: OutboxRow[] = [];
  for (const row of pending) {
    if (seen.has(row.orderKey)) continue;
    seen.add(row.orderKey);
    if (row.nextAttemptAt <= input.now) ready.push(row);
    if (ready.length >= (input.limit ?? 200)) break;
  }
  return ready;
}

/**
 * Claims the next attempt of an effect, counted before the call so a crash mid-call tells the retry to
 * reconcile first. The update is conditional on the attempt count the drainer read: when two drainers (two
 * jobs of one process, `/sync now`, another process) race for one effect, exactly one runs it. The claim
 * also moves the effect's next attempt `claimMs` ahead, so other drainers leave it (and the effects after
 * it in the same thread) alone meanwhile, and a claimer that died is retried once the claim lapses.
 * Returns the attempt number, or null when another drainer claimed it first.
 */
export async function claimAttempt(db: Db, row: Pick<OutboxRow, 'id' | 'attempts'>, now: Date, claimMs: number): Promise<number | null> {
  const claimed = await db.outboxItem.updateMany({
    where: { id: row.id, status: 'pending', attempts: row.attempts },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + claimMs) },
  });
  return claimed.count === 1 ? row.attempts + 1 : null;
}

export async function markEffectDone(tx: Tx, id: string, result: unknown, now: Date): Promise<void> {
  await tx.outboxItem.update({
    where: { id },
    data: { status: 'done', doneAt: now, lastError: null, result: result === undefined ? null : JSON.stringify(result) },
  });
}

/** Only a still-pending effect: a process fenced out meanwhile must not undo the new owner's 'done'. */
export async function scheduleRetry(db: Db, id: string, input: { error: string; at: Date; dead: boolean }): Promise<void> {
  await db.outboxItem.updateMany({
    where: { id, status: 'pending' },
    data: { lastError: input.error.slice(0, 1_000), nextAttemptAt: input.at, status: input.dead ? 'dead' : 'pending' },
  });
}

/** Dead letters back to pending (staff's /sync retry). Returns how many. */
export async function reviveDeadEffects(db: Db, input: { courseId: string; now: Date; id?: string }): Promise<number> {
  const result = await db.outboxItem.updateMany({
    where: { courseId: input.courseId, status: 'dead', ...(input.id ? { id: input.id } : {}) },
    data: { status: 'pending', attempts: 0, nextAttemptAt: input.now },
  });
  return result.count;
}

export async function outboxBacklog(db: Db, courseId?: string): Promise<{ pending: number; dead: number }> {
  const where = courseId ? { courseId } : {};
  const [pending, dead] = await Promise.all([
    db.outboxItem.count({ where: { ...where, status: 'pending' } }),
    db.outboxItem.count({ where: { ...where, status: 'dead' } }),
  ]);
  return { pending, dead };
}
