// Which essays count for a round: published between two dates and/or in a category or tag. Stored
// on the round as JSON so late essays and quota completion use the same rule as the preview.
import { z } from 'zod';
import type { Db } from '../db/client.js';

export const essayFilterSchema = z.object({
  publishedFrom: z.string().datetime().optional(),
  publishedTo: z.string().datetime().optional(),
  category: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
});

export type EssayFilter = z.infer<typeof essayFilterSchema>;

export function parseEssayFilter(json: string): EssayFilter {
  return essayFilterSchema.parse(JSON.parse(json));
}

export interface RoundEssay {
  id: string;
  title: string;
  authorStudentId: string | null;
  createdAt: Date;
}

function listed(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : [];
  } catch {
    return [];
  }
}

/** Published essays of the course matching the filter (category/tag compared case-insensitively). */
export async function essaysForFilter(db: Db, courseId: string, filter: EssayFilter): Promise<RoundEssay[]> {
  const rows = await db.essay.findMany({
    where: {
      courseId,
      blogStatus: 'published',
      publishedAt: { ...(filter.publishedFrom ? { gte: new Date(filter.publishedFrom) } : {}), ...(filter.publishedTo ? { lte: new Date(filter.publishedTo) } : {}) },
    },
    select: { id: true, title: true, authorStudentId: true, createdAt: true, categories: true, tags: true },
    orderBy: { publishedAt: 'asc' },
  });
  const category = filter.category?.toLowerCase();
  const tag = filter.tag?.toLowerCase();
  return rows
    .filter((r) => (!category || listed(r.categories).includes(category)) && (!tag || listed(r.tags).includes(tag)))
    .map(({ id, title, authorStudentId, createdAt }) => ({ id, title, authorStudentId, createdAt }));
}
