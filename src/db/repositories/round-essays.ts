// What decides which essays count for a round (src/reviews/round-essays.ts applies the filter and the staff-post rule).
import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

/**
 * The course's staff-post settings, and its published essays within the optional publication range, oldest first,
 * with what the round's category/tag filter and the staff-post rule look at.
 */
export async function publishedEssaysInRange(db: Db, courseId: string, range: { from?: Date; to?: Date }) {
  const staffPosts = await courseById(db, courseId, { staffBlogUserIds: true, announcementCategory: true });
  const essays = await db.essay.findMany({
    where: {
      courseId,
      blogStatus: 'published',
      publishedAt: {
        ...(range.from ? { gte: range.from } : {}),
        ...(range.to ? { lte: range.to } : {}),
      },
    },
    select: {
      id: true,
      title: true,
      authorStudentId: true,
      authorName: true,
      authorBlogUserId: true,
      createdAt: true,
      publishedAt: true,
      categories: true,
      tags: true,
    },
    orderBy: { publishedAt: 'asc' },
  });
  return { staffPosts, essays };
}
