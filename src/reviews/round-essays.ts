// Which essays count for a round: published between two dates and/or in a category or tag. Stored
// on the round as JSON so late essays and quota completion use the same rule as the preview.
import { essayFilterSchema, essayMatchesFilter, storedNames, type EssayFilter } from '../core/reviews/essay-filter.js';
import { isStaffPost, staffPostRule } from '../core/essays/staff-post.js';
import type { Db } from '../db/client.js';

export { essayFilterSchema, type EssayFilter };

export function parseEssayFilter(json: string): EssayFilter {
  return essayFilterSchema.parse(JSON.parse(json));
}

export interface RoundEssay {
  id: string;
  title: string;
  authorStudentId: string | null;
  /** The blog's name for an author no student is credited with (shown in the preview's blocking lines). */
  authorName: string | null;
  createdAt: Date;
}

/** Published essays of the course matching the filter (category/tag compared case-insensitively). */
export async function essaysForFilter(db: Db, courseId: string, filter: EssayFilter): Promise<RoundEssay[]> {
  const rule = staffPostRule(await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { staffBlogUserIds: true, announcementCategory: true } }));
  const rows = await db.essay.findMany({
    where: {
      courseId,
      blogStatus: 'published',
      publishedAt: {
        ...(filter.publishedFrom ? { gte: new Date(filter.publishedFrom) } : {}),
        ...(filter.publishedTo ? { lte: new Date(filter.publishedTo) } : {}),
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
  return (
    rows
      // Staff posts (announcements) are never essays, whatever the filter.
      .filter((r) => essayMatchesFilter(r, filter) && !isStaffPost({ authorBlogUserId: r.authorBlogUserId, categories: storedNames(r.categories) }, rule))
      .map(({ id, title, authorStudentId, authorName, createdAt }) => ({ id, title, authorStudentId, authorName, createdAt }))
  );
}
