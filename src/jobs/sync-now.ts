import type { Context } from '../context.js';
import { databaseNow } from '../db/db-clock.js';
import { acquireLease, leaseHolder, releaseLease } from '../db/leases.js';
import { syncCourse, type CourseSyncSummary } from '../sync/sync-course.js';
import { courseFence } from './course-leases.js';

/**
 * /sync now: the same course tick as the sync job, under the course lease, so its writes are fenced the
 * same way. When another process holds the course, nothing is done here (that process syncs it); a lease
 * taken only for this run is given back at once, so the process that serves the course keeps it.
 */
export async function syncCourseNow(ctx: Context, courseId: string): Promise<{ summary: CourseSyncSummary } | { heldElsewhere: true }> {
  const name = `course:${courseId}`;
  const ttlMs = ctx.config.leaseSeconds * 1_000;
  // Leases are compared on the database's clock (see db-clock.ts), never this process's.
  const now = await databaseNow(ctx.db);
  const before = await leaseHolder(ctx.db, name);
  const alreadyOurs = before?.owner === ctx.owner && before.expiresAt > now;
  const lease = await acquireLease(ctx.db, { name, owner: ctx.owner, ttlMs });
  if (!lease) return { heldElsewhere: true };
  try {
    return { summary: await syncCourse(ctx, courseId, { fence: courseFence(ctx, courseId, lease), claimMs: ttlMs, reconcileAll: true }) };
  } finally {
    if (!alreadyOurs) await releaseLease(ctx.db, { name, owner: ctx.owner, token: lease.token });
  }
}
