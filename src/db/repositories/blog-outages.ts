import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

// A course's blog outage, kept on its Course row: since when the blog fails, the last error, whether staff were told.

export interface BlogOutage {
  failingSince: Date | null;
  alertedAt: Date | null;
}

export async function readBlogOutage(db: Db, courseId: string): Promise<BlogOutage> {
  const course = await courseById(db, courseId, { blogFailingSince: true, blogAlertedAt: true });
  return { failingSince: course.blogFailingSince, alertedAt: course.blogAlertedAt };
}

/** Records the latest failure (cut to 500 characters); `failingSince` is when the outage began. */
export async function markBlogFailing(db: Db, courseId: string, input: { failingSince: Date; lastError: string }): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { blogFailingSince: input.failingSince, blogLastError: input.lastError.slice(0, 500) } });
}

export async function clearBlogOutage(db: Db, courseId: string): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { blogFailingSince: null, blogLastError: null, blogAlertedAt: null } });
}

/** What the staff alert about a long outage says: the course, its blog, since when it fails and why, and whether staff were told. */
export function blogOutageReport(
  db: Db,
  courseId: string,
): Promise<{ name: string; blogUrl: string; blogFailingSince: Date | null; blogAlertedAt: Date | null; blogLastError: string | null }> {
  return courseById(db, courseId, { name: true, blogFailingSince: true, blogAlertedAt: true, blogLastError: true, blogUrl: true });
}

/** Remembers that staff were told about the current outage: they are told once per outage. */
export async function markBlogOutageAlerted(db: Db, courseId: string, at: Date): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { blogAlertedAt: at } });
}
