import { acquireLease } from '../db/leases.js';
import { pruneDeliveredEffects } from '../privacy/prune-delivered-effects.js';
import { purgeCourseData } from '../privacy/purge-course.js';
import { coursesDueForPurge, coursesDueForPurgeWarning, markPurgeWarned } from '../privacy/retention.js';
import type { Context } from '../context.js';
import type { Job } from './job.js';

/**
 * Hourly (cheap when there is nothing to do): a week before a course's data is due for deletion its staff
 * are told once; at the date it is purged; delivered effects lose their payloads after 7 days.
 * One process at a time (a lease), and each step is idempotent, so a restart or a second process is harmless.
 */
export function retentionJob(): Job {
  return {
    name: 'retention',
    schedule: '0 17 * * * *',
    async run(ctx: Context) {
      const now = ctx.clock.now();
      const lease = await acquireLease(ctx.db, { name: 'retention', owner: ctx.owner, ttlMs: 10 * 60_000 });
      if (!lease) return 'another process holds the retention lease';
      let warned = 0;
      for (const course of await coursesDueForPurgeWarning(ctx.db, now)) {
        if (!(await markPurgeWarned(ctx.db, course.id, now))) continue;
        warned += 1;
        if (course.staffChannelId) {
          const when = `<t:${Math.floor(course.purgeAt.getTime() / 1_000)}:D>`;
          await ctx.chat
            .sendChannelMessage(course.staffChannelId, {
              content: `🗓️ **${course.name}**: students’ personal data will be deleted from CourseThreads on ${when} (${course.retentionDays} days after the course ended). Export what you need before then (/report participation format:csv).`,
            })
            .catch((error: unknown) => ctx.log.warn({ err: error, courseId: course.id }, 'could not post the purge warning'));
        }
      }
      let purged = 0;
      for (const course of await coursesDueForPurge(ctx.db, now)) {
        const { uploads } = await purgeCourseData(ctx.db, { courseId: course.id, now, actorUserId: 'system:retention', blogFor: (id) => ctx.blogFor(id) });
        if (uploads.left) ctx.log.warn({ courseId: course.id, filesLeft: uploads.left }, 'the blog would not delete files uploaded for replies');
        purged += 1;
      }
      const pruned = await pruneDeliveredEffects(ctx.db, now);
      return `${warned} warned, ${purged} purged, ${pruned} delivered payload(s) pruned`;
    },
  };
}
