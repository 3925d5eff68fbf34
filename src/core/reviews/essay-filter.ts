import { z } from 'zod';

/**
 * Which essays count for a review round: published between two dates and/or in a category or with a tag
 * (compared case-insensitively). Stored on the round as JSON, so the preview, late essays, quota
 * completion and the reports all apply this one rule.
 */
export const essayFilterSchema = z.object({
  publishedFrom: z.string().datetime().optional(),
  publishedTo: z.string().datetime().optional(),
  category: z.string().min(1).optional(),
  tag: z.string().min(1).optional(),
});

export type EssayFilter = z.infer<typeof essayFilterSchema>;

/** Reads a stored filter; a filter that no longer parses matches every essay rather than none. */
export function parseStoredEssayFilter(json: string): EssayFilter {
  try {
    const parsed = essayFilterSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Category and tag lists as stored on an essay (a JSON array of names), lower-cased. */
export function storedNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map((x) => String(x).toLowerCase()) : [];
  } catch {
    return [];
  }
}

export function essayMatchesFilter(essay: { publishedAt: Date; categories: string; tags: string }, filter: EssayFilter): boolean {
  const t = essay.publishedAt.getTime();
  if (filter.publishedFrom && t < Date.parse(filter.publishedFrom)) return false;
  if (filter.publishedTo && t > Date.parse(filter.publishedTo)) return false;
  if (filter.category && !storedNames(essay.categories).includes(filter.category.toLowerCase())) return false;
  if (filter.tag && !storedNames(essay.tags).includes(filter.tag.toLowerCase())) return false;
  return true;
}
