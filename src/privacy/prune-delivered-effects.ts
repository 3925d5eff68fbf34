import type { Db } from '../db/client.js';
import { pruneEffectPayloadsDoneBy } from '../db/repositories/retention-courses.js';

const DAY_MS = 86_400_000;
export const PRUNED_PAYLOAD = '{"pruned":true}';

/**
 * A delivered effect's payload (comment text, names in a thread starter) is only needed while it may be
 * retried: after `keepDays` it is replaced. The row itself stays, because its unique dedupeKey is what
 * stops the same effect from being recorded and performed a second time.
 */
export async function pruneDeliveredEffects(db: Db, now: Date, keepDays = 7): Promise<number> {
  return pruneEffectPayloadsDoneBy(db, new Date(now.getTime() - keepDays * DAY_MS), PRUNED_PAYLOAD);
}
