import type { BlogError } from '../ports/blog-source.js';
import type { SyncContext } from './sync-context.js';

/** How long a blog outage lasts before staff are told (once per outage, not every poll). */
export const outageAlertAfterMs = 15 * 60_000;

/** Logs an outage once when it starts; staff are alerted by the health job when it lasts. */
export async function recordBlogFailure(ctx: SyncContext, courseId: string, error: BlogError): Promise<void> {
  const course = await ctx.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { blogFailingSince: true } });
  if (!course.blogFailingSince) ctx.log.warn({ courseId, kind: error.kind, status: error.status }, 'blog unreachable; retrying with backoff');
  await ctx.db.course.update({
    where: { id: courseId },
    data: { blogFailingSince: course.blogFailingSince ?? ctx.clock.now(), blogLastError: `${error.kind}: ${error.message}`.slice(0, 500) },
  });
}

/** Clears the outage; resolves true when staff had been told about it (so they hear it is over). */
export async function recordBlogSuccess(ctx: SyncContext, courseId: string): Promise<boolean> {
  const course = await ctx.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { blogFailingSince: true, blogAlertedAt: true } });
  if (!course.blogFailingSince) return false;
  ctx.log.info({ courseId }, 'blog reachable again');
  await ctx.db.course.update({ where: { id: courseId }, data: { blogFailingSince: null, blogLastError: null, blogAlertedAt: null } });
  return course.blogAlertedAt !== null;
}
