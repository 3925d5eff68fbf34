import { blogOutageReport, markBlogOutageAlerted } from '../db/repositories/blog-outages.js';
import { courseName, coursePermissionFacts, courseStaffChannel, flagCourse } from '../db/repositories/sync-courses.js';
import { type ChatError } from '../ports/chat-port.js';
import { outageAlertAfterMs } from './blog-health.js';
import type { SyncDeps } from '../context.js';

/** Tells staff in their channel; a failure to tell them is logged, never thrown over the real work. */
async function tellStaff(ctx: SyncDeps, courseId: string, content: string): Promise<boolean> {
  const staffChannelId = await courseStaffChannel(ctx.db, courseId);
  if (!staffChannelId) return false;
  try {
    await ctx.chat.sendChannelMessage(staffChannelId, { content });
    return true;
  } catch (error) {
    ctx.log.warn({ courseId, err: error }, 'could not alert the staff channel');
    return false;
  }
}

/**
 * Once per outage, when the blog has been unreachable longer than outageAlertAfterMs: staff are told,
 * and told again when it recovers. Polls keep retrying in between without a message every minute.
 */
export async function alertLongBlogOutage(ctx: SyncDeps, courseId: string): Promise<'alerted' | 'recovered' | 'none'> {
  const course = await blogOutageReport(ctx.db, courseId);
  const now = ctx.clock.now();
  if (course.blogFailingSince && !course.blogAlertedAt && now.getTime() - course.blogFailingSince.getTime() >= outageAlertAfterMs) {
    const minutes = Math.round((now.getTime() - course.blogFailingSince.getTime()) / 60_000);
    await tellStaff(
      ctx,
      courseId,
      `⚠️ **${course.name}**: the blog (${course.blogUrl}) has not answered for ${minutes} minutes (${course.blogLastError ?? 'unknown error'}). Replies wait in the queue and will be delivered when it is back; nothing is lost.`,
    );
    await markBlogOutageAlerted(ctx.db, courseId, now);
    return 'alerted';
  }
  return 'none';
}

/** Called when the blog answers again after an outage staff were told about. */
export async function announceBlogRecovery(ctx: SyncDeps, courseId: string, wasAlerted: boolean): Promise<void> {
  if (!wasAlerted) return;
  const name = await courseName(ctx.db, courseId);
  await tellStaff(ctx, courseId, `✅ **${name}**: the blog answers again; queued replies are being delivered.`);
}

/**
 * A Discord permission the bot needs was removed: the course is flagged (shown by /course show and the
 * health report) and staff are told once. /course resume clears the flag after they fix it.
 */
export async function flagMissingPermission(ctx: SyncDeps, courseId: string, error: ChatError): Promise<void> {
  const course = await coursePermissionFacts(ctx.db, courseId);
  if (course.status === 'flagged') return;
  const missing = await ctx.chat.missingPermissions(course.channelId, course.channelKind === 'text' ? 'text' : 'forum').catch(() => [] as string[]);
  const reason = missing.length ? `missing permissions in <#${course.channelId}>: ${missing.join(', ')}` : `Discord refused an action: ${error.message}`;
  await flagCourse(ctx.db, courseId, reason);
  ctx.log.warn({ courseId, reason }, 'course flagged');
  await tellStaff(ctx, courseId, `⚠️ **${course.name}** needs attention: ${reason}. Threads and replies wait until this is fixed; then run /course resume.`);
}
