// The roster as staff edit it (src/roster/: /roster import | add | remove | show). The writes take the
// transaction handle: each staff action lands together with its audit entry.
import type { Db, Tx } from '../client.js';

/** What a roster import compares each CSV line with. */
export interface RosterIdentity {
  id: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string;
  blogUsername: string | null;
  discordUserId: string | null;
}

/** The identity fields a roster line sets (an import compares them to tell "updated" from "unchanged"). */
export interface RosterFields {
  displayName: string;
  emailVerified: boolean;
  blogUsername: string | null;
  discordUserId: string | null;
}

/** Every student of the course with the fields a roster import matches on. */
export function rosterIdentities(db: Db, courseId: string): Promise<RosterIdentity[]> {
  return db.student.findMany({
    where: { courseId },
    select: { id: true, email: true, emailVerified: true, displayName: true, blogUsername: true, discordUserId: true },
  });
}

/** Adds a student from a roster line. Throws a unique violation when the e-mail, Discord account or blog username is taken. */
export async function insertImportedStudent(tx: Tx | Db, courseId: string, email: string, fields: RosterFields): Promise<void> {
  await tx.student.create({ data: { courseId, email, ...fields } });
}

/** Overwrites a student's identity fields with those of their roster line. */
export async function updateImportedStudent(tx: Tx | Db, studentId: string, fields: RosterFields): Promise<void> {
  await tx.student.update({ where: { id: studentId }, data: fields });
}

/** Adds one student (/roster add); returns the new id. Throws a unique violation when the e-mail, Discord account or blog username is taken. */
export async function insertStudent(
  tx: Tx | Db,
  student: { courseId: string; displayName: string; email: string; emailVerified: boolean; blogUsername: string | null; discordUserId: string | null },
): Promise<string> {
  const row = await tx.student.create({ data: student, select: { id: true } });
  return row.id;
}

/** The student of the course with this Discord account, or else with this (normalised) e-mail; null when none. */
export function findStudentByDiscordOrEmail(
  db: Db,
  courseId: string,
  key: { discordUserId: string } | { email: string },
): Promise<{ id: string; displayName: string } | null> {
  return db.student.findFirst({ where: { courseId, ...key }, select: { id: true, displayName: true } });
}

/**
 * Deletes the reviews a student still owes, then the student (completed reviews go with the row: Assignment.reviewer
 * cascades). Returns how many pending reviews were deleted.
 */
export async function deleteStudentAndPendingReviews(tx: Tx | Db, studentId: string): Promise<number> {
  const pending = await tx.assignment.deleteMany({ where: { reviewerStudentId: studentId, status: 'pending' } });
  await tx.student.delete({ where: { id: studentId } });
  return pending.count;
}

/** The roster as /roster show lists it, by display name. */
export function rosterListing(db: Db, courseId: string) {
  return db.student.findMany({
    where: { courseId },
    select: { displayName: true, email: true, blogUsername: true, blogUserId: true, discordUserId: true, reminderMode: true, dmClosedAt: true },
    orderBy: { displayName: 'asc' },
  });
}
