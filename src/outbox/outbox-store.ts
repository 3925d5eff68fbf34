import type { Db, Tx } from '../db/client.js';
import { databaseNow } from '../db/db-clock.js';
import { countOutboxItems } from '../db/repositories/outbox-counts.js';
import {
  deadOutboxItems,
  insertOutboxItemOnce,
  latestPendingCreatedAt,
  markOutboxItemDone,
  pendingDedupeKeys,
  pendingOutboxItems,
  rescheduleOutboxItem,
  reviveOutboxItem,
  type PendingOutboxItem,
} from '../db/repositories/outbox-items.js';
import { ClaimLostError } from './outbox-claims.js';

// Re-exported for the modules that still import it from here; the type itself lives in src/db/client.ts.
export type { Tx };

export interface NewEffect {
  courseId: string | null;
  kind: string;
  /** Unique per effect: recording the same intent twice is harmless. */
  dedupeKey: string;
  /**
   * Effects sharing an orderKey run one at a time, oldest first: an essay's thread effects share the essay id,
   * a comment's effects share `comment:<id>`. Keep it narrow: a failing effect holds back its whole orderKey.
   */
  orderKey: string;
  /** dedupeKeys of effects that must not be pending when this one runs (a reply after its parent, a mirror after its thread). */
  waitsFor?: string[];
  payload: unknown;
}

/**
 * Records an effect to perform; call inside the transaction that records the change causing it. Effects of
 * one orderKey run in the order they were recorded, whichever process recorded them: `createdAt` is the
 * caller's time, but never before the orderKey's latest pending effect (a process whose clock is behind would
 * otherwise sort an edit before the create it follows, and the edit would hold the create back). The caller's
 * clock is kept, not the database's, because the transient-failure deadline is measured against it.
 */
export async function enqueueEffect(tx: Tx | Db, effect: NewEffect, now: Date): Promise<void> {
  const latest = await latestPendingCreatedAt(tx, effect.orderKey);
  const createdAt = latest && latest >= now ? new Date(latest.getTime() + 1) : now;
  await insertOutboxItemOnce(tx, {
    courseId: effect.courseId,
    kind: effect.kind,
    dedupeKey: effect.dedupeKey,
    orderKey: effect.orderKey,
    waitsForJson: JSON.stringify(effect.waitsFor ?? []),
    payloadJson: JSON.stringify(effect.payload),
    nextAttemptAt: now,
    createdAt,
  });
}

export interface OutboxRow {
  id: string;
  courseId: string | null;
  kind: string;
  orderKey: string;
  payload: string;
  attempts: number;
  attemptsAtRevive: number;
  revivedAt: Date | null;
  createdAt: Date;
}

/**
 * The effects ready to run now: for each orderKey only its oldest pending effect, when it is due, nobody runs
 * it (no live claim, by the database's clock) and nothing it waits for is pending. A failing effect holds back
 * only its own orderKey and the effects that wait for it.
 */
export async function readyEffects(
  db: Db,
  input: { now: Date; courseIds?: string[]; limit?: number; except?: ReadonlySet<string>; kinds?: readonly string[] },
): Promise<OutboxRow[]> {
  const pending = await pendingOutboxItems(db, { ...(input.courseIds ? { courseIds: input.courseIds } : {}), take: 2_000 });
  const dbNow = await databaseNow(db);
  const seen = new Set<string>();
  const candidates: Array<PendingOutboxItem & { waits: string[] }> = [];
  for (const row of pending) {
    if (seen.has(row.orderKey)) continue;
    seen.add(row.orderKey);
    const claimed = row.claimedUntil !== null && row.claimedUntil > dbNow;
    if (row.nextAttemptAt <= input.now && !claimed) candidates.push({ ...row, waits: JSON.parse(row.waitsFor) as string[] });
  }
  const waitedFor = [...new Set(candidates.flatMap((row) => row.waits))];
  const stillPending = new Set(waitedFor.length === 0 ? [] : await pendingDedupeKeys(db, waitedFor));
  return (
    candidates
      // `kinds` filters after the oldest-per-orderKey pick, so a narrowed drain never runs an effect ahead of its orderKey.
      .filter((row) => !input.except?.has(row.id) && !row.waits.some((key) => stillPending.has(key)) && (!input.kinds || input.kinds.includes(row.kind)))
      .slice(0, input.limit ?? 200)
      .map(({ id, courseId, kind, orderKey, payload, attempts, attemptsAtRevive, revivedAt, createdAt }) => ({
        id,
        courseId,
        kind,
        orderKey,
        payload,
        attempts,
        attemptsAtRevive,
        revivedAt,
        createdAt,
      }))
  );
}

/** Marks the attempt done, in the transaction that records its result; refused when the claim was taken over. */
export async function markEffectDone(tx: Tx, claim: { id: string; attempt: number }, result: unknown, now: Date): Promise<void> {
  const done = await markOutboxItemDone(tx, claim, { resultJson: result === undefined ? null : JSON.stringify(result), now });
  if (!done) throw new ClaimLostError(claim.id, claim.attempt);
}

/** Only while the attempt is still ours: a drainer taken over (or fenced out) must not undo the new owner's work. */
export async function scheduleRetry(db: Db, claim: { id: string; attempt: number }, input: { error: string; at: Date; dead: boolean }): Promise<void> {
  await rescheduleOutboxItem(db, claim, { error: input.error.slice(0, 1_000), at: input.at, dead: input.dead });
}

/**
 * Dead letters back to pending (staff's /sync retry). The attempt count is kept, so the next try reconciles
 * with what an earlier one may have created; the dead-letter limits restart from here. Returns how many.
 */
export async function reviveDeadEffects(db: Tx | Db, input: { courseId: string; now: Date; id?: string }): Promise<number> {
  const dead = await deadOutboxItems(db, { courseId: input.courseId, ...(input.id ? { id: input.id } : {}) });
  let revived = 0;
  for (const row of dead) if (await reviveOutboxItem(db, row, input.now)) revived += 1;
  return revived;
}

export async function outboxBacklog(db: Db, courseId?: string): Promise<{ pending: number; dead: number }> {
  const course = courseId ? { courseId } : {};
  const [pending, dead] = await Promise.all([countOutboxItems(db, { ...course, status: 'pending' }), countOutboxItems(db, { ...course, status: 'dead' })]);
  return { pending, dead };
}
