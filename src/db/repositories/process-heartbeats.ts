import { hostname } from 'node:os';
import type { Db } from '../client.js';

// ProcessHeartbeat rows: which bot processes are alive and which gateway shards each serves (the fair
// share of courses, /report health). shardIds is stored as JSON text so SQLite and PostgreSQL agree.

/** Creates this process's heartbeat or refreshes it (time and shards). */
export async function beatProcess(db: Db, input: { owner: string; shardIds: number[]; startedAt: Date; now: Date }): Promise<void> {
  const shardIds = JSON.stringify(input.shardIds);
  await db.processHeartbeat.upsert({
    where: { owner: input.owner },
    create: { owner: input.owner, hostname: hostname(), pid: process.pid, shardIds, startedAt: input.startedAt, lastSeenAt: input.now },
    update: { lastSeenAt: input.now, shardIds },
  });
}

/** Refreshes an existing heartbeat's time only (no row is created). */
export async function touchProcessHeartbeat(db: Db, owner: string, now: Date): Promise<void> {
  await db.processHeartbeat.updateMany({ where: { owner }, data: { lastSeenAt: now } });
}

/** Processes seen after `since`, with the shard ids they serve (empty: every shard). */
export async function liveProcesses(db: Db, since: Date): Promise<Array<{ owner: string; shardIds: number[] }>> {
  const rows = await db.processHeartbeat.findMany({ where: { lastSeenAt: { gt: since } }, select: { owner: true, shardIds: true } });
  return rows.map((row) => ({ owner: row.owner, shardIds: JSON.parse(row.shardIds) as number[] }));
}

/** Gone at once from the live processes (graceful shutdown). A missing row is not an error. */
export async function deleteProcessHeartbeat(db: Db, owner: string): Promise<void> {
  await db.processHeartbeat.deleteMany({ where: { owner } });
}

/** Every heartbeat row (live or stale), longest-running process first; shardIds still JSON text. */
export function processHeartbeatsByStart(db: Db) {
  return db.processHeartbeat.findMany({ orderBy: { startedAt: 'asc' } });
}
