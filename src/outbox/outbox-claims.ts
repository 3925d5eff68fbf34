import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { databaseNow } from '../db/db-clock.js';
import { claimOutboxAttempt, extendOutboxClaim, releaseOutboxClaims } from '../db/repositories/outbox-claims.js';
import type { Logger } from '../shared/logger.js';

// A claim is who runs an effect's attempt now (claimedBy) and until when (claimedUntil, database time). Its
// owner renews it while the call runs, however slow the call (a rate-limit queue, the blog client's own
// retries), so another drainer takes it over only when the owner stopped renewing for a whole claim period:
// the owner died. The attempt number the claim took identifies it: a takeover takes the next number, so an
// owner that was wrongly presumed dead can no longer renew, finish or reschedule the effect.

/** Names this process in claims when the caller gives no owner (e.g. `/sync now`). */
export const processClaimOwner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export class ClaimLostError extends Error {
  constructor(
    readonly effectId: string,
    readonly attempt: number,
  ) {
    super(`effect ${effectId} attempt ${attempt} was taken over by another drainer; its result was not recorded`);
    this.name = 'ClaimLostError';
  }
}

/**
 * Claims the next attempt of an effect, counted before the call so a crash mid-call tells the retry to
 * reconcile first. Conditional on the attempt count the drainer read and on no live claim: of two racing
 * drainers exactly one gets it. Returns the attempt number, or null when someone else holds or took it.
 */
export async function claimAttempt(db: Db, row: { id: string; attempts: number }, input: { owner: string; claimMs: number }): Promise<number | null> {
  const now = await databaseNow(db);
  const claimed = await claimOutboxAttempt(db, row, { owner: input.owner, now, until: new Date(now.getTime() + input.claimMs) });
  return claimed ? row.attempts + 1 : null;
}

/** Pushes the claim one period ahead. False when it is no longer ours (taken over, or finished). */
export async function renewClaim(db: Db, id: string, attempt: number, claimMs: number): Promise<boolean> {
  const now = await databaseNow(db);
  return extendOutboxClaim(db, { id, attempt }, new Date(now.getTime() + claimMs));
}

/**
 * Renews the claim three times per period while the call runs. stop() when the attempt is over: it resolves once a
 * renewal already on its way has finished, so no query of this attempt outlives it. (A renewal still running when the
 * process closes its database left PostgreSQL's pool waiting for a connection that never came back, and the close hung.)
 */
export function keepClaim(db: Db, claim: { id: string; attempt: number; claimMs: number }, log: Logger): { stop(): Promise<void> } {
  let renewing: Promise<void> | null = null;
  const timer = setInterval(
    () => {
      if (renewing) return; // a slow database: never pile renewals up
      renewing = renewClaim(db, claim.id, claim.attempt, claim.claimMs)
        .then((held) => {
          if (!held) log.warn({ effectId: claim.id, attempt: claim.attempt }, 'effect claim lost while its call ran');
        })
        .catch((error: unknown) => log.warn({ err: error, effectId: claim.id }, 'could not renew an effect claim'))
        .finally(() => {
          renewing = null;
        });
    },
    Math.max(10, Math.floor(claim.claimMs / 3)),
  );
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

/**
 * Graceful shutdown: frees the effect claims these owners still hold (a call the drain period cut short),
 * so another drainer runs them at once instead of after a claim period. The attempt stays counted, so
 * the next attempt reconciles before calling again: the same as after a crash, only without the wait.
 */
export async function releaseClaims(db: Db, owners: string[]): Promise<number> {
  return releaseOutboxClaims(db, owners);
}
