import type { Db } from '../client.js';

// Reads of a course's job lease for the reports; taking and renewing leases is src/db/leases.ts.

/** Who holds the course's lease (`course:<id>`) and until when; null when nobody ever took it. */
export function courseLeaseHolder(db: Db, courseId: string): Promise<{ owner: string; expiresAt: Date } | null> {
  return db.jobLease.findUnique({ where: { name: `course:${courseId}` }, select: { owner: true, expiresAt: true } });
}
