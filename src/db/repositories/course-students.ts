import type { Db } from '../client.js';

// Roster lookups the course settings need (the roster itself is managed in src/roster).

/** The display name of the course's student who owns this blog account, or null when no student does. */
export async function rosterNameOfBlogUser(db: Db, courseId: string, blogUserId: string): Promise<string | null> {
  const student = await db.student.findUnique({ where: { courseId_blogUserId: { courseId, blogUserId } }, select: { displayName: true } });
  return student?.displayName ?? null;
}
