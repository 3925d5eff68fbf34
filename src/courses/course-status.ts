import { NAME_STYLE_WORDS, type CourseNameStyle } from '../core/roster/blog-author-name.js';
import { formatDateInZone } from '../core/format/index.js';
import { localDateKey } from '../core/time/zoned.js';
import { pushLine, pushState } from './push-status.js';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import { recordStaffAction, type StaffActor } from './audit.js';
import { courseForShow, updateCourseStatus } from '../db/repositories/course-settings.js';
import { purgeDate } from '../privacy/retention.js';
import { outboxBacklog } from '../outbox/outbox-store.js';

/** /course pause | resume: the new status and its audit entry, written together or not at all. */
export async function setCourseStatus(db: Db, input: { courseId: string; status: 'active' | 'paused'; actor: StaffActor }): Promise<void> {
  await inTransaction(db, async (tx) => {
    // Resuming clears the reason the course was flagged; pausing keeps it.
    await updateCourseStatus(tx, input.courseId, input.status, input.status === 'active');
    await recordStaffAction(tx, input.courseId, input.actor, { action: input.status === 'paused' ? 'course.pause' : 'course.resume' });
  });
}

/** /course show: settings and health, never the credentials (only whether they are set). */
export async function showCourse(db: Db, courseId: string): Promise<string> {
  const course = await courseForShow(db, courseId);
  const backlog = await outboxBacklog(db, courseId);
  // Every time staff read here is in the course's zone, as they run the course (never raw UTC).
  const at = (d: Date) => formatDateInZone(d, course.timeZone, 'f');
  const quiet = course.quietHoursStart ? `${course.quietHoursStart}–${course.quietHoursEnd}` : 'none';
  return [
    `**${course.name}** — ${course.status}${course.flaggedReason ? ` (${course.flaggedReason})` : ''}`,
    `Channel: <#${course.channelId}> (${course.channelKind}) · Staff: <@&${course.staffRoleId}>`,
    `Blog: ${course.blogUrl} (${course.blogKind}) · credentials: ${course.secret ? 'set, encrypted' : 'none'}`,
    `Time zone: ${course.timeZone} · quiet hours: ${quiet} · poll every ${course.pollIntervalMinutes} min · minimum words: ${course.minCommentWords} · names on the blog: ${NAME_STYLE_WORDS[course.blogNameStyle as CourseNameStyle] ?? course.blogNameStyle} unless a student chooses`,
    `Essays: ${course._count.essays} · comments: ${course._count.comments} · students: ${course._count.students}`,
    `Announcing essays published since ${at(course.ingestSince)}`,
    `Blog: ${course.blogFailingSince ? `unreachable since ${at(course.blogFailingSince)} (${course.blogLastError})` : 'reachable'}`,
    pushLine(course.blogKind, await pushState(db, courseId)),
    `Pending effects: ${backlog.pending} · dead letters: ${backlog.dead}${backlog.dead ? ' (use /sync retry)' : ''}`,
    // Days in the course's zone, as staff typed them in /course setup ends_on.
    course.endsAt
      ? `Last day: ${localDateKey(course.endsAt, course.timeZone)} · data kept until ${localDateKey(purgeDate(course.endsAt, course.retentionDays), course.timeZone)} (${course.timeZone})`
      : `Data kept until: ${course.retentionDays} days after the course end date (not set)`,
  ].join('\n');
}
