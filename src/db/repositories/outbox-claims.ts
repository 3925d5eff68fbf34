import type { Db } from '../client.js';

// Effect claims on OutboxItem rows (who runs an attempt now, until when). The rules are in src/outbox/outbox-claims.ts;
// each function here is one conditional update, so of two racing drainers exactly one matches.

/** Takes the next attempt when the row still has `attempts` and no live claim at `now`; false when someone else did. */
export async function claimOutboxAttempt(db: Db, row: { id: string; attempts: number }, input: { owner: string; now: Date; until: Date }): Promise<boolean> {
  const claimed = await db.outboxItem.updateMany({
    where: { id: row.id, status: 'pending', attempts: row.attempts, OR: [{ claimedUntil: null }, { claimedUntil: { lte: input.now } }] },
    data: { attempts: { increment: 1 }, claimedBy: input.owner, claimedUntil: input.until },
  });
  return claimed.count === 1;
}

/** Moves the claim's end; false when the attempt is no longer the row's (taken over, or finished). */
export async function extendOutboxClaim(db: Db, claim: { id: string; attempt: number }, until: Date): Promise<boolean> {
  const renewed = await db.outboxItem.updateMany({ where: { id: claim.id, status: 'pending', attempts: claim.attempt }, data: { claimedUntil: until } });
  return renewed.count === 1;
}

/** Frees every pending claim these owners hold; returns how many. */
export async function releaseOutboxClaims(db: Db, owners: string[]): Promise<number> {
  const freed = await db.outboxItem.updateMany({ where: { status: 'pending', claimedBy: { in: owners } }, data: { claimedBy: null, claimedUntil: null } });
  return freed.count;
}
