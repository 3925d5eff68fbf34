import type { Db, Tx } from '../client.js';

// A student's consent before publishing (issue 12 item 11): the name they appear under on the blog, the
// pseudonym staff approve or reject, and whether their thread replies stay in Discord.

/** What a name choice needs: blogNameStyle, and with a pseudonym the pseudonym and its status. */
export interface BlogNameChoiceData {
  blogNameStyle: string;
  pseudonym?: string | null;
  pseudonymStatus?: string;
}

/** Saves the student's name choice; returns what the name in force is computed from, with the course default. */
export function saveBlogNameChoice(tx: Tx, studentId: string, data: BlogNameChoiceData) {
  return tx.student.update({
    where: { id: studentId },
    data,
    select: { displayName: true, blogNameStyle: true, pseudonym: true, pseudonymStatus: true, course: { select: { blogNameStyle: true } } },
  });
}

/** Keeps the student's thread replies in Discord only (true) or publishes them again (false). */
export async function setStudentDiscordOnly(db: Db, studentId: string, enabled: boolean): Promise<void> {
  await db.student.update({ where: { id: studentId }, data: { discordOnly: enabled } });
}

/** The course's students whose pseudonym waits for staff, by display name. */
export function pendingPseudonyms(db: Db, courseId: string): Promise<Array<{ displayName: string; pseudonym: string | null; discordUserId: string | null }>> {
  return db.student.findMany({
    where: { courseId, pseudonymStatus: 'pending' },
    orderBy: { displayName: 'asc' },
    select: { displayName: true, pseudonym: true, discordUserId: true },
  });
}

/** The student's name choice as staff decide on it (throws when the student is gone). */
export function pseudonymUnderReview(
  tx: Tx,
  studentId: string,
): Promise<{ displayName: string; pseudonym: string | null; pseudonymStatus: string | null; blogNameStyle: string | null }> {
  return tx.student.findUniqueOrThrow({
    where: { id: studentId },
    select: { displayName: true, pseudonym: true, pseudonymStatus: true, blogNameStyle: true },
  });
}

/**
 * Records staff's decision, only while that very pseudonym is still pending (a new request in between waits
 * again); false when it changed meanwhile.
 */
export async function decidePendingPseudonym(tx: Tx, studentId: string, pseudonym: string, status: 'approved' | 'rejected'): Promise<boolean> {
  const changed = await tx.student.updateMany({
    where: { id: studentId, pseudonymStatus: 'pending', pseudonym },
    data: { pseudonymStatus: status },
  });
  return changed.count > 0;
}

/** Where the DM about a pseudonym decision goes: the student's Discord account and the course's name. */
export function pseudonymNoticeRecipient(db: Db, studentId: string): Promise<{ discordUserId: string | null; course: { name: string } } | null> {
  return db.student.findUnique({ where: { id: studentId }, select: { discordUserId: true, course: { select: { name: true } } } });
}

/** What staff are asked about a pseudonym request: the student, the request as it stands now, the staff channel. */
export function pseudonymRequestFacts(db: Db, studentId: string) {
  return db.student.findUnique({
    where: { id: studentId },
    select: { displayName: true, discordUserId: true, pseudonymStatus: true, pseudonym: true, course: { select: { staffChannelId: true } } },
  });
}
