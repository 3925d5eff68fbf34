import { acquireLease, assertLeaseHeld, type Lease } from '../db/leases.js';
import type { JobContext } from './job.js';

const heartbeatStaleMs = 3 * 60_000;

/**
 * Claims the courses this process serves. Each course is a lease; a process takes new ones only up to its
 * fair share (courses / live processes), so N processes spread the courses between them without any
 * static assignment, and the courses of a dead process are taken when its leases expire.
 */
export async function claimCourses(ctx: JobContext): Promise<Array<{ courseId: string; lease: Lease }>> {
  const now = ctx.clock.now();
  const ttlMs = ctx.config.leaseSeconds * 1_000;
  const courses = await ctx.db.course.findMany({ where: { status: { in: ['active', 'flagged'] }, purgedAt: null }, select: { id: true }, orderBy: { id: 'asc' } });
  const alive = await ctx.db.processHeartbeat.count({ where: { lastSeenAt: { gte: new Date(now.getTime() - heartbeatStaleMs) } } });
  const share = Math.ceil(courses.length / Math.max(1, alive));
  const mine = new Set((await ctx.db.jobLease.findMany({ where: { owner: ctx.owner, name: { startsWith: 'course:' } }, select: { name: true } })).map((l) => l.name));
  const claimed: Array<{ courseId: string; lease: Lease }> = [];
  // Renew what is ours first, then take free courses while under the fair share.
  const ordered = [...courses].sort((a, b) => Number(mine.has(`course:${b.id}`)) - Number(mine.has(`course:${a.id}`)));
  for (const course of ordered) {
    const name = `course:${course.id}`;
    if (!mine.has(name) && claimed.length >= share) continue;
    const lease = await acquireLease(ctx.db, { name, owner: ctx.owner, ttlMs, now });
    if (lease) claimed.push({ courseId: course.id, lease });
  }
  return claimed;
}

/** The fence for effects of a course: checked inside the transaction that records them. */
export function courseFence(ctx: JobContext, courseId: string, lease: Lease) {
  return (tx: Parameters<Parameters<JobContext['db']['$transaction']>[0]>[0]) =>
    assertLeaseHeld(tx, { name: `course:${courseId}`, owner: ctx.owner, token: lease.token, now: ctx.clock.now() });
}
