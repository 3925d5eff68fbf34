import type { Tx } from '../db/client.js';
import { databaseNow } from '../db/db-clock.js';
import { acquireLease, assertLeaseHeld, leaseNamesOwnedBy, type Lease } from '../db/leases.js';
import { servableCourses } from '../db/repositories/courses.js';
import { liveProcesses, touchProcessHeartbeat } from '../db/repositories/process-heartbeats.js';
import { shardForGuild } from '../sharding/guild-shard.js';
import type { Context } from '../context.js';

/**
 * Claims the courses this process serves. Each course is a lease. A process only claims courses whose
 * guild is on one of its gateway shards (discord.js's channel and thread objects need the guild in the
 * shard's cache: a forum post made for an uncached guild is created on Discord but comes back
 * undefined). For each shard, its courses are split evenly between the live processes on that shard,
 * so N processes spread the courses without static assignment, and a dead process's courses are taken
 * when its leases expire.
 *
 * Liveness moves with the leases: every claim refreshes this process's heartbeat, and a process counts
 * as live while its heartbeat is younger than one lease period. So a killed process stops counting when
 * its leases lapse (the survivors' share grows in time to take them), and a process over its share (it
 * started first, or others just came up) lets the excess lapse instead of renewing it.
 *
 * Every time here is the database's (not this process's clock), so a process whose clock is skewed cannot
 * take a course a live process holds, nor count a live process as dead.
 */
export async function claimCourses(ctx: Context): Promise<Array<{ courseId: string; lease: Lease }>> {
  const now = await databaseNow(ctx.db);
  const ttlMs = ctx.config.leaseSeconds * 1_000;
  await touchProcessHeartbeat(ctx.db, ctx.owner, now);
  const courses = await servableCourses(ctx.db);
  const beats = await liveProcesses(ctx.db, new Date(now.getTime() - ttlMs));
  const count = ctx.shards?.count ?? 1;
  const myShards = new Set(ctx.shards?.ids ?? [0]);
  const shardOf = (guildId: string) => (count === 1 ? 0 : shardForGuild(guildId, count));
  // A heartbeat without shard ids (a process started without shard settings) serves every shard.
  const servesShard = (shardIds: number[], shard: number) => shardIds.length === 0 || shardIds.includes(shard);
  const quota = new Map<number, number>();
  for (const shard of myShards) {
    const onShard = courses.filter((c) => shardOf(c.guildId) === shard).length;
    const live = beats.filter((b) => b.owner !== ctx.owner && servesShard(b.shardIds, shard)).length + 1;
    quota.set(shard, Math.ceil(onShard / live));
  }
  const mine = new Set(await leaseNamesOwnedBy(ctx.db, ctx.owner, 'course:'));
  const claimed: Array<{ courseId: string; lease: Lease; shard: number }> = [];
  // Renew what is ours first, then take free courses, never beyond the shard's fair share.
  const ordered = [...courses].sort((a, b) => Number(mine.has(`course:${b.id}`)) - Number(mine.has(`course:${a.id}`)));
  for (const course of ordered) {
    const shard = shardOf(course.guildId);
    if (!myShards.has(shard)) continue;
    if (claimed.filter((c) => c.shard === shard).length >= (quota.get(shard) ?? 0)) continue;
    const lease = await acquireLease(ctx.db, { name: `course:${course.id}`, owner: ctx.owner, ttlMs, now });
    // Not ours before, and the token shows an earlier holder: a takeover (fencing tokens start at 1).
    if (lease && !mine.has(`course:${course.id}`) && lease.token > 1) ctx.metrics?.leaseTakenOver();
    if (lease) claimed.push({ courseId: course.id, lease, shard });
  }
  return claimed.map(({ courseId, lease }) => ({ courseId, lease }));
}

/** The fence for effects of a course: checked inside the transaction that records them, at the database's time. */
export function courseFence(ctx: Context, courseId: string, lease: Lease) {
  return (tx: Tx) => assertLeaseHeld(tx, { name: `course:${courseId}`, owner: ctx.owner, token: lease.token });
}
