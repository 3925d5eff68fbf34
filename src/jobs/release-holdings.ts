import { releaseLeasesHeldBy } from '../db/leases.js';
import { processClaimOwner, releaseClaims } from '../outbox/outbox-claims.js';
import type { Context } from '../context.js';

/**
 * The last thing a stopping process does with the database: gives back its course leases and any effect
 * claim it still holds. Without this a restart leaves its courses unserved for a whole lease period
 * (60 s by default); with it the other processes (or this one's successor) take them at their next tick.
 */
export async function releaseHoldings(ctx: Pick<Context, 'db' | 'owner' | 'log'>): Promise<void> {
  const leases = await releaseLeasesHeldBy(ctx.db, ctx.owner);
  // Drains started by /sync now claim as the process (processClaimOwner); scheduled ones may name the owner.
  const claims = await releaseClaims(ctx.db, [ctx.owner, processClaimOwner]);
  ctx.log.info({ leases: leases.length, claims }, 'leases and effect claims released');
}
