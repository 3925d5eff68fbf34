// Which essays a quota round covers, read from the round's stored essayFilter JSON. Kept here (not
// imported from src/reviews) so the reports read only rows, never another use case's internals; the
// rule is the one /reviews assign documents: published between two dates, in a category or with a tag.
import { z } from 'zod';

const roundFilterSchema = z.object({
  publishedFrom: z.string().optional(),
  publishedTo: z.string().optional(),
  category: z.string().optional(),
  tag: z.string().optional(),
});

export type RoundFilter = z.infer<typeof roundFilterSchema>;

export function parseRoundFilter(json: string): RoundFilter {
  try {
    const parsed = roundFilterSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function listed(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : [];
  } catch {
    return [];
  }
}

export function essayInRoundFilter(essay: { publishedAt: Date; categories: string; tags: string }, filter: RoundFilter): boolean {
  const t = essay.publishedAt.getTime();
  if (filter.publishedFrom && t < Date.parse(filter.publishedFrom)) return false;
  if (filter.publishedTo && t > Date.parse(filter.publishedTo)) return false;
  if (filter.category && !listed(essay.categories).includes(filter.category.toLowerCase())) return false;
  if (filter.tag && !listed(essay.tags).includes(filter.tag.toLowerCase())) return false;
  return true;
}
