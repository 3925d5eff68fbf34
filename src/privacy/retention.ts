import type { Db } from '../db/client.js';
import { endedUnpurgedCourses, markCoursePurgeWarned } from '../db/repositories/retention-courses.js';

const DAY_MS = 86_400_000;

export interface CourseDue {
  id: string;
  guildId: string;
  name: string;
  staffChannelId: string | null;
  endsAt: Date;
  retentionDays: number;
  /** endsAt + retentionDays: the moment the course's personal data is purged. */
  purgeAt: Date;
}

/** endsAt + retentionDays days (whole days of 24 h, in UTC: the instant does not depend on time zones). */
export function purgeDate(endsAt: Date, retentionDays: number): Date {
  return new Date(endsAt.getTime() + retentionDays * DAY_MS);
}

// Column arithmetic (endsAt + retentionDays) is not portable through Prisma, so the database narrows
// to ended, unpurged courses and the date test runs here; a deployment holds at most a few hundred.
async function endedUnpurged(db: Db, now: Date, extra: { purgeWarnedAt?: null } = {}): Promise<CourseDue[]> {
  const rows = await endedUnpurgedCourses(db, now, extra);
  return rows.map((r) => ({ ...r, endsAt: r.endsAt!, purgeAt: purgeDate(r.endsAt!, r.retentionDays) }));
}

/** Courses whose retention has run out (purgeAt <= now) and whose data is still there. */
export async function coursesDueForPurge(db: Db, now: Date): Promise<CourseDue[]> {
  return (await endedUnpurged(db, now)).filter((c) => c.purgeAt.getTime() <= now.getTime());
}

/**
 * Courses to warn now: purge within warnDays (purgeAt - warnDays <= now < purgeAt), not warned yet.
 * A course already past its purge date is not listed here: it is purged, not warned.
 */
export async function coursesDueForPurgeWarning(db: Db, now: Date, warnDays = 7): Promise<CourseDue[]> {
  const t = now.getTime();
  return (await endedUnpurged(db, new Date(t + warnDays * DAY_MS), { purgeWarnedAt: null })).filter(
    (c) => c.purgeAt.getTime() - warnDays * DAY_MS <= t && t < c.purgeAt.getTime(),
  );
}

/** Records that staff were told; returns false when another process marked it first (warn once). */
export async function markPurgeWarned(db: Db, courseId: string, now: Date): Promise<boolean> {
  return markCoursePurgeWarned(db, courseId, now);
}
