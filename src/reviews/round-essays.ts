// Which essays count for a round: published between two dates and/or in a category or tag. Stored
// on the round as JSON so late essays and quota completion use the same rule as the preview.
import { essayFilterSchema, essayMatchesFilter, storedNames, type EssayFilter } from '../core/reviews/essay-filter.js';
import { isStaffPost, staffPostRule } from '../core/essays/staff-post.js';
import type { Db } from '../db/client.js';
import { publishedEssaysInRange } from '../db/repositories/round-essays.js';

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
  const { staffPosts, essays: rows } = await publishedEssaysInRange(db, courseId, {
    ...(filter.publishedFrom ? { from: new Date(filter.publishedFrom) } : {}),
    ...(filter.publishedTo ? { to: new Date(filter.publishedTo) } : {}),
  });
  const rule = staffPostRule(staffPosts);
  return (
    rows
      // Staff posts (announcements) are never essays, whatever the filter.
      .filter((r) => essayMatchesFilter(r, filter) && !isStaffPost({ authorBlogUserId: r.authorBlogUserId, categories: storedNames(r.categories) }, rule))
      .map(({ id, title, authorStudentId, authorName, createdAt }) => ({ id, title, authorStudentId, authorName, createdAt }))
  );
}
