// The exact plan a preview showed, stored in a PendingConfirmation so Confirm applies that plan and
// nothing else (no re-draw between preview and confirm).
import { z } from 'zod';
import { essayFilterSchema } from './round-essays.js';

export const ROUND_CONFIRMATION_KIND = 'review_round';

export const roundPlanSchema = z.object({
  courseId: z.string(),
  name: z.string().min(1).max(100),
  dueAt: z.string().datetime(),
  k: z.number().int().min(1),
  mode: z.enum(['assigned', 'quota']),
  filter: essayFilterSchema,
  seed: z.string(),
  /** Words a review comment needs in this round; absent or null: the course's minimum. */
  minWords: z.number().int().min(0).max(2_000).nullable().optional(),
  /** One row per Assignment to create. */
  slots: z.array(z.object({ reviewerId: z.string(), essayId: z.string().nullable(), slotKey: z.string() })),
});

export type RoundPlan = z.infer<typeof roundPlanSchema>;

export function quotaSlotKey(n: number): string {
  return `quota:${n}`;
}

/** 1-based slot number of a quota assignment ("quota:2" -> 2); null for an essay assignment. */
export function quotaSlotNumber(slotKey: string): number | null {
  const m = /^quota:(\d+)$/.exec(slotKey);
  return m ? Number(m[1]) : null;
}
