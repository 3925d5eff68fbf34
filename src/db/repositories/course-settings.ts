import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';

// The settings staff change on a course (/course settings, /course staff_posts, /course pause|resume) and
// what /course show reads of them. Each "replace" returns the value it replaced, for the audit entry.

/** Sets how students' names appear on the blog by default; returns the style it replaces. */
export async function replaceBlogNameStyle(tx: Tx | Db, courseId: string, style: string): Promise<string> {
  const before = await courseById(tx, courseId, { blogNameStyle: true });
  await tx.course.update({ where: { id: courseId }, data: { blogNameStyle: style } });
  return before.blogNameStyle;
}

/** Sets the course's minimum words for a review comment; returns the minimum it replaces. */
export async function replaceMinCommentWords(tx: Tx | Db, courseId: string, minWords: number): Promise<number> {
  const before = await courseById(tx, courseId, { minCommentWords: true });
  await tx.course.update({ where: { id: courseId }, data: { minCommentWords: minWords } });
  return before.minCommentWords;
}

/** The course's active rounds that set their own minimum words, soonest due first. */
export function activeRoundsWithOwnMinWords(tx: Tx | Db, courseId: string): Promise<Array<{ name: string; minCommentWords: number | null }>> {
  return tx.reviewRound.findMany({
    where: { courseId, status: 'active', minCommentWords: { not: null } },
    select: { name: true, minCommentWords: true },
    orderBy: { dueAt: 'asc' },
  });
}

/** The course's staff-post rule as stored: blog user ids as JSON text, and the announcements category. */
export function staffPostSettings(db: Db, courseId: string): Promise<{ staffBlogUserIds: string; announcementCategory: string | null }> {
  return courseById(db, courseId, { staffBlogUserIds: true, announcementCategory: true });
}

/** Stores the course's staff-post rule (the blog user ids are kept as JSON text). */
export async function saveStaffPostSettings(
  db: Tx | Db,
  courseId: string,
  rule: { staffBlogUserIds: string[]; announcementCategory: string | null },
): Promise<void> {
  await db.course.update({
    where: { id: courseId },
    data: { staffBlogUserIds: JSON.stringify(rule.staffBlogUserIds), announcementCategory: rule.announcementCategory },
  });
}

/** Sets the course's status; `clearFlag` also forgets why it was flagged (otherwise the reason stays). */
export async function updateCourseStatus(db: Tx | Db, courseId: string, status: string, clearFlag: boolean): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { status, flaggedReason: clearFlag ? null : undefined } });
}

/** What /course show prints: the settings, the blog's health, whether credentials are set (never them) and the row counts. */
export function courseForShow(db: Db, courseId: string) {
  return courseById(db, courseId, {
    name: true,
    channelId: true,
    channelKind: true,
    blogKind: true,
    blogUrl: true,
    timeZone: true,
    staffRoleId: true,
    status: true,
    flaggedReason: true,
    quietHoursStart: true,
    quietHoursEnd: true,
    pollIntervalMinutes: true,
    minCommentWords: true,
    blogNameStyle: true,
    ingestSince: true,
    blogFailingSince: true,
    blogLastError: true,
    endsAt: true,
    retentionDays: true,
    secret: { select: { keyVersion: true } },
    _count: { select: { essays: true, students: true, comments: true } },
  });
}
