import { pushLine, pushState } from './push-status.js';
import type { Db } from '../db/client.js';
import { outboxBacklog } from '../sync/outbox/outbox-store.js';

export async function setCourseStatus(db: Db, input: { courseId: string; status: 'active' | 'paused'; actorUserId: string }): Promise<void> {
  await db.course.update({ where: { id: input.courseId }, data: { status: input.status, flaggedReason: input.status === 'active' ? null : undefined } });
}

/** /course show: settings and health, never the credentials (only whether they are set). */
export async function showCourse(db: Db, courseId: string): Promise<string> {
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      name: true, channelId: true, channelKind: true, blogKind: true, blogUrl: true, timeZone: true, staffRoleId: true, status: true, flaggedReason: true,
      quietHoursStart: true, quietHoursEnd: true, pollIntervalMinutes: true, minCommentWords: true, ingestSince: true, blogFailingSince: true, blogLastError: true, endsAt: true, retentionDays: true,
      secret: { select: { keyVersion: true } },
      _count: { select: { essays: true, students: true, comments: true } },
    },
  });
  const backlog = await outboxBacklog(db, courseId);
  const quiet = course.quietHoursStart ? `${course.quietHoursStart}–${course.quietHoursEnd}` : 'none';
  return [
    `**${course.name}** — ${course.status}${course.flaggedReason ? ` (${course.flaggedReason})` : ''}`,
    `Channel: <#${course.channelId}> (${course.channelKind}) · Staff: <@&${course.staffRoleId}>`,
    `Blog: ${course.blogUrl} (${course.blogKind}) · credentials: ${course.secret ? 'set, encrypted' : 'none'}`,
    `Time zone: ${course.timeZone} · quiet hours: ${quiet} · poll every ${course.pollIntervalMinutes} min · minimum words: ${course.minCommentWords}`,
    `Essays: ${course._count.essays} · comments: ${course._count.comments} · students: ${course._count.students}`,
    `Announcing essays published since ${course.ingestSince.toISOString()}`,
    `Blog: ${course.blogFailingSince ? `unreachable since ${course.blogFailingSince.toISOString()} (${course.blogLastError})` : 'reachable'}`,
    pushLine(course.blogKind, await pushState(db, courseId)),
    `Pending effects: ${backlog.pending} · dead letters: ${backlog.dead}${backlog.dead ? ' (use /sync retry)' : ''}`,
    `Data kept until: ${course.endsAt ? new Date(course.endsAt.getTime() + course.retentionDays * 86_400_000).toISOString().slice(0, 10) : `${course.retentionDays} days after the course end date (not set)`}`,
  ].join('\n');
}
