// Which roster student a blog account belongs to, and linking one to the other (src/roster/: the roster's blog
// username, a verified e-mail, a /link code). The unique key (courseId, blogUserId) keeps an account on one student:
// a link that would break it throws a unique violation, which the use case turns into an outcome.
import type { Db, Tx } from '../client.js';

/** The id of the student linked to this blog account, or null. */
export async function studentIdForBlogAccount(db: Db, courseId: string, blogUserId: string): Promise<string | null> {
  const row = await db.student.findUnique({ where: { courseId_blogUserId: { courseId, blogUserId } }, select: { id: true } });
  return row?.id ?? null;
}

/** Of these blog accounts, the ones already linked to a student of the course. */
export async function linkedBlogAccounts(db: Db, courseId: string, blogUserIds: string[]): Promise<Set<string | null>> {
  const rows = await db.student.findMany({ where: { courseId, blogUserId: { in: blogUserIds } }, select: { blogUserId: true } });
  return new Set(rows.map((s) => s.blogUserId));
}

/** Links the account to the student only if the student has none yet; false when someone linked one first. */
export async function linkBlogAccountIfUnlinked(db: Db, studentId: string, blogUserId: string): Promise<boolean> {
  const won = await db.student.updateMany({ where: { id: studentId, blogUserId: null }, data: { blogUserId } });
  return won.count > 0;
}

/** Links the account to the student (replacing any earlier link) and records the username it goes by. */
export async function setStudentBlogAccount(tx: Tx | Db, studentId: string, blogUserId: string, blogUsername: string): Promise<void> {
  await tx.student.update({ where: { id: studentId }, data: { blogUserId, blogUsername } });
}

/** How many students have a blog username on the roster but no linked account yet. */
export function countUnlinkedRosterUsernames(db: Db, courseId: string): Promise<number> {
  return db.student.count({ where: { courseId, blogUserId: null, blogUsername: { not: null } } });
}

/** The students with a blog username on the roster but no linked account yet: id and username. */
export async function unlinkedRosterUsernames(db: Db, courseId: string): Promise<Array<{ id: string; blogUsername: string }>> {
  const rows = await db.student.findMany({ where: { courseId, blogUserId: null, blogUsername: { not: null } }, select: { id: true, blogUsername: true } });
  return rows.map((s) => ({ id: s.id, blogUsername: s.blogUsername! }));
}

/** The blog usernames on the roster whose account is not linked yet. */
export async function blogUsernamesAwaitingLink(db: Db, courseId: string): Promise<string[]> {
  const rows = await db.student.findMany({ where: { courseId, blogUserId: null, blogUsername: { not: null } }, select: { blogUsername: true } });
  return rows.map((s) => s.blogUsername!);
}

/** Whether another student is already linked under this blog username. */
export async function blogUsernameLinkedElsewhere(db: Db, courseId: string, blogUsername: string, studentId: string): Promise<boolean> {
  const taken = await db.student.findFirst({
    where: { courseId, blogUsername, blogUserId: { not: null }, id: { not: studentId } },
    select: { id: true },
  });
  return taken !== null;
}

/** How many students without a blog account have an e-mail staff vouched for (what a blog account's e-mail can link). */
export function countVerifiedEmailsAwaitingLink(db: Db, courseId: string): Promise<number> {
  return db.student.count({ where: { courseId, emailVerified: true, blogUserId: null, email: { not: null } } });
}

/** The student without a blog account whose staff-vouched e-mail is this one, or null. */
export async function unlinkedStudentByVerifiedEmail(db: Db, courseId: string, email: string): Promise<string | null> {
  const row = await db.student.findFirst({ where: { courseId, email, emailVerified: true, blogUserId: null }, select: { id: true } });
  return row?.id ?? null;
}

/** Of these blog comment ids, the ones the course has already recorded. */
export async function recordedBlogCommentIds(db: Db, courseId: string, blogCommentIds: string[]): Promise<Set<string | null>> {
  const rows = await db.comment.findMany({ where: { courseId, blogCommentId: { in: blogCommentIds } }, select: { blogCommentId: true } });
  return new Set(rows.map((c) => c.blogCommentId));
}
