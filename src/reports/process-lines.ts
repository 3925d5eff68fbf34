// The "Processes" section of /report health: every bot process that sent a heartbeat, its shards,
// and the leases it holds (course leases are shown by course name; this course is marked).
import type { Db } from '../db/client.js';
import { leasesHeldBy } from '../db/leases.js';
import { courseLeaseHolder } from '../db/repositories/course-leases.js';
import { courseNamesById } from '../db/repositories/courses.js';
import { processHeartbeatsByStart } from '../db/repositories/process-heartbeats.js';

/** Same threshold the course claim uses (src/jobs/course-leases.ts): older heartbeats mean a dead process. */
const STALE_MS = 3 * 60_000;
const MAX_LEASES_SHOWN = 12;

const ts = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;
const clean = (s: string) => s.replace(/[`*_~|<>@\\]/g, '');

function shardsOf(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  } catch {
    return [];
  }
}

export async function processLines(db: Db, input: { courseId: string; now: Date }): Promise<string[]> {
  const processes = await processHeartbeatsByStart(db);
  if (processes.length === 0) return ['• no process has reported a heartbeat'];
  const lines: string[] = [];
  const courseNames = await courseNamesById(db);
  for (const p of processes) {
    const alive = input.now.getTime() - p.lastSeenAt.getTime() <= STALE_MS;
    const shards = shardsOf(p.shardIds);
    const leases = await leasesHeldBy(db, p.owner, input.now);
    const names = leases.map((l) => {
      const id = l.name.startsWith('course:') ? l.name.slice('course:'.length) : null;
      if (!id) return clean(l.name);
      const label = clean(courseNames.get(id) ?? id);
      return id === input.courseId ? `**${label}** (this course)` : label;
    });
    const shown = names.length > MAX_LEASES_SHOWN ? [...names.slice(0, MAX_LEASES_SHOWN), `+${names.length - MAX_LEASES_SHOWN} more`] : names;
    lines.push(
      `• ${alive ? '🟢' : '🔴 stale'} \`${clean(p.owner)}\` (pid ${p.pid}) · shards ${shards.length ? shards.join(', ') : 'all (unsharded)'} · ` +
        `up since ${ts(p.startedAt)} · last heartbeat ${ts(p.lastSeenAt)} · ${leases.length} lease(s)${shown.length ? `: ${shown.join(', ')}` : ''}`,
    );
  }
  const holder = await courseLeaseHolder(db, input.courseId);
  lines.push(
    holder && holder.expiresAt > input.now
      ? `This course is served by \`${clean(holder.owner)}\`.`
      : 'No process holds this course’s lease right now (taken at the next job run).',
  );
  return lines;
}
