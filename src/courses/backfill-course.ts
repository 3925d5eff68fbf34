import { courseGuildId } from '../db/repositories/courses.js';
import { pollCourseEssays, type PollSummary } from '../sync/essays/poll-essays.js';
import type { SyncDeps } from '../context.js';
import { recordAudit } from './audit.js';

/**
 * Imports essays published since `since` on purpose. The threads are created by the outbox, one effect at
 * a time, so discord.js's rate-limit handling paces them instead of a burst of 429s.
 */
export async function backfillCourse(ctx: SyncDeps, input: { courseId: string; since: Date; actorUserId: string }): Promise<PollSummary> {
  const summary = await pollCourseEssays(ctx, input.courseId, { backfillSince: input.since });
  const guildId = await courseGuildId(ctx.db, input.courseId);
  await recordAudit(ctx.db, {
    courseId: input.courseId,
    guildId,
    actorUserId: input.actorUserId,
    action: 'course.backfill',
    details: { since: input.since.toISOString(), created: summary.created },
  });
  return summary;
}
