import { clearBlogOutage, markBlogFailing, readBlogOutage } from '../db/repositories/blog-outages.js';
import type { BlogError } from '../ports/blog-source.js';
import type { SyncDeps } from '../context.js';

/** How long a blog outage lasts before staff are told (once per outage, not every poll). */
export const outageAlertAfterMs = 15 * 60_000;

/** Logs an outage once when it starts; staff are alerted by the health job when it lasts. */
export async function recordBlogFailure(ctx: SyncDeps, courseId: string, error: BlogError): Promise<void> {
  const outage = await readBlogOutage(ctx.db, courseId);
  if (!outage.failingSince) ctx.log.warn({ courseId, kind: error.kind, status: error.status }, 'blog unreachable; retrying with backoff');
  await markBlogFailing(ctx.db, courseId, { failingSince: outage.failingSince ?? ctx.clock.now(), lastError: `${error.kind}: ${error.message}` });
}

/** Clears the outage; resolves true when staff had been told about it (so they hear it is over). */
export async function recordBlogSuccess(ctx: SyncDeps, courseId: string): Promise<boolean> {
  const outage = await readBlogOutage(ctx.db, courseId);
  if (!outage.failingSince) return false;
  ctx.log.info({ courseId }, 'blog reachable again');
  await clearBlogOutage(ctx.db, courseId);
  return outage.alertedAt !== null;
}
