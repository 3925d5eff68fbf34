// Watches course lease owners from the test process (every `everyMs`), so a test can measure how long
// the courses of a killed process stayed without a live owner.
import type { Db } from '../../../src/db/client.js';

export interface LeaseSample {
  at: number;
  /** course id -> owner, only for unexpired leases at `at`. */
  owners: Map<string, string>;
}

export interface LeaseWatch {
  samples: LeaseSample[];
  /** Owners of unexpired course leases now. */
  current(): Promise<Map<string, string>>;
  /** For each course: ms from `since` until a live lease owned by one of `owners` was first seen (Infinity if never). */
  takenOverAfter(courseIds: string[], since: number, owners: string[]): Map<string, number>;
  stop(): void;
}

async function readOwners(db: Db): Promise<Map<string, string>> {
  const rows = await db.jobLease.findMany({ where: { name: { startsWith: 'course:' }, expiresAt: { gt: new Date() } }, select: { name: true, owner: true } });
  return new Map(rows.map((r) => [r.name.slice('course:'.length), r.owner]));
}

export function watchLeases(db: Db, everyMs = 100): LeaseWatch {
  const samples: LeaseSample[] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const at = Date.now();
      samples.push({ at, owners: await readOwners(db) });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    samples,
    current: () => readOwners(db),
    takenOverAfter(courseIds, since, owners) {
      const live = new Set(owners);
      const result = new Map<string, number>();
      for (const courseId of courseIds) {
        const first = samples.find((s) => s.at >= since && live.has(s.owners.get(courseId) ?? ''));
        result.set(courseId, first ? first.at - since : Infinity);
      }
      return result;
    },
    stop() {
      stopped = true;
    },
  };
}
