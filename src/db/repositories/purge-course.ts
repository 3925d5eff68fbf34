import type { Db, Tx } from '../client.js';

// A course's purge (src/privacy/purge-course.ts): after its roster students are erased, the rest of its
// personal data goes table by table, in one transaction, and the course is archived.

/** The course to purge: its guild and when it was purged before (null the first time), or null when there is none. */
export function courseToPurge(db: Db, courseId: string): Promise<{ id: string; guildId: string; purgedAt: Date | null } | null> {
  return db.course.findUnique({ where: { id: courseId }, select: { id: true, guildId: true, purgedAt: true } });
}

/** The files the bot uploaded to the course blog for replies: record id and the blog's media id. */
export function courseUploadRecords(db: Db, courseId: string): Promise<Array<{ id: string; blogMediaId: string }>> {
  return db.replyMedia.findMany({ where: { courseId }, select: { id: true, blogMediaId: true } });
}

/** Forgets an upload once its file is gone from the blog. */
export async function forgetUploadRecord(db: Db, replyMediaId: string): Promise<void> {
  await db.replyMedia.delete({ where: { id: replyMediaId } });
}

/** Ids of every roster student of the course. */
export async function courseStudentIds(tx: Tx, courseId: string): Promise<string[]> {
  return (await tx.student.findMany({ where: { courseId }, select: { id: true } })).map((s) => s.id);
}

/** Names and blog ids still on the course's essays and comments (blog guests, Discord members who never linked). */
export async function guestAuthorNames(tx: Tx, courseId: string) {
  const essays = await tx.essay.findMany({
    where: { courseId, OR: [{ authorName: { not: null } }, { authorBlogUserId: { not: null } }] },
    select: { authorName: true, authorBlogUserId: true },
  });
  const comments = await tx.comment.findMany({ where: { courseId, authorName: { not: null } }, select: { authorName: true } });
  return { essays, comments };
}

/** Takes author, name and blog id off every essay and then every comment of the course. */
export async function anonymiseCourseWork(tx: Tx, courseId: string): Promise<void> {
  await tx.essay.updateMany({ where: { courseId }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } });
  await tx.comment.updateMany({ where: { courseId }, data: { authorStudentId: null, authorName: null, authorBlogUserId: null } });
}

export interface DroppedCourseRows {
  outboxItems: number;
  reminders: number;
  confirmations: number;
  blogSecretDeleted: boolean;
}

/**
 * Deletes what the course still has queued or stored about people, in this order: outbox effects, reminders,
 * waiting confirmations, link claims; clears audit targets and round creators; then the blog credentials, the
 * push delivery ids and the push link (an archived course takes no notifications).
 */
export async function dropCoursePersonalRows(tx: Tx, courseId: string): Promise<DroppedCourseRows> {
  const outboxItems = (await tx.outboxItem.deleteMany({ where: { courseId } })).count;
  const reminders = (await tx.reminder.deleteMany({ where: { courseId } })).count;
  const confirmations = (await tx.pendingConfirmation.deleteMany({ where: { courseId } })).count;
  await tx.linkClaim.deleteMany({ where: { courseId } });
  await tx.auditEntry.updateMany({ where: { courseId }, data: { targetStudentId: null } });
  await tx.reviewRound.updateMany({ where: { courseId }, data: { createdByUserId: null } });
  const blogSecretDeleted = (await tx.blogSecret.deleteMany({ where: { courseId } })).count > 0;
  await tx.pushDelivery.deleteMany({ where: { courseId } });
  await tx.pushLink.deleteMany({ where: { courseId } });
  return { outboxItems, reminders, confirmations, blogSecretDeleted };
}

/** Marks the course purged (keeping the first purge's time) and archived, without its creator or error texts. */
export async function archivePurgedCourse(tx: Tx, courseId: string, purgedAt: Date): Promise<void> {
  await tx.course.update({
    where: { id: courseId },
    data: { purgedAt, status: 'archived', createdByUserId: null, flaggedReason: null, blogLastError: null },
  });
}
