import type { Db, Tx } from '../client.js';

// The rows of roster students being erased (src/privacy/erase-students.ts), read and then removed table by
// table inside the purge's transaction. Their essays and comments stay, as anonymous rows.

const DONE = ['done', 'done_late'];

/** Reminders to them, or about reviews they were assigned. */
const theirReminders = (courseId: string, ids: string[]) => ({
  courseId,
  OR: [{ studentId: { in: ids } }, { assignment: { reviewerStudentId: { in: ids } } }],
});

/** The student's roster row in the course (just its id), or null when not on the roster (already removed?). */
export function purgeableStudent(db: Db, courseId: string, studentId: string): Promise<{ id: string } | null> {
  return db.student.findFirst({ where: { id: studentId, courseId }, select: { id: true } });
}

/** The roster rows of these students in the course, with every identifier they carry (and the blog names they claimed). */
export function studentsToErase(tx: Tx, courseId: string, studentIds: string[]) {
  return tx.student.findMany({
    where: { courseId, id: { in: studentIds } },
    select: {
      id: true,
      displayName: true,
      email: true,
      blogUserId: true,
      blogUsername: true,
      pseudonym: true,
      discordUserId: true,
      linkClaims: { select: { blogUsername: true } },
    },
  });
}

/**
 * Essays and comments the course still attributes to them: linked to their roster rows, or by blog id (and,
 * for comments, by name) from before they were linked. Essays first, then comments.
 */
export async function workAttributedTo(tx: Tx, courseId: string, who: { ids: string[]; names: string[]; blogIds: string[] }) {
  const { ids, names, blogIds } = who;
  const essays = await tx.essay.findMany({
    where: { courseId, OR: [{ authorStudentId: { in: ids } }, { authorBlogUserId: { in: blogIds } }] },
    select: { id: true, authorStudentId: true, authorName: true, authorBlogUserId: true, blogStatus: true },
  });
  const comments = await tx.comment.findMany({
    where: { courseId, OR: [{ authorStudentId: { in: ids } }, { authorName: { in: names } }, { authorBlogUserId: { in: blogIds } }] },
    select: { id: true, authorStudentId: true, authorName: true, origin: true, blogCommentId: true, blogStatus: true, deletedAt: true },
  });
  return { essays, comments };
}

/** What the course credited them with beyond their writing: reviews done (any course) and reminders sent to them. */
export async function creditedToStudents(tx: Tx, courseId: string, ids: string[]): Promise<{ reviewsDone: number; remindersSent: number }> {
  const reviewsDone = await tx.assignment.count({ where: { reviewerStudentId: { in: ids }, status: { in: DONE } } });
  const remindersSent = await tx.reminder.count({ where: { ...theirReminders(courseId, ids), status: 'sent' } });
  return { reviewsDone, remindersSent };
}

/** One row per file the bot uploaded to the blog for these comments: the comment it belongs to. */
export function uploadsOfComments(tx: Tx, commentIds: string[]): Promise<Array<{ commentId: string }>> {
  return tx.replyMedia.findMany({ where: { commentId: { in: commentIds } }, select: { commentId: true } });
}

export interface DetachedCounts {
  essaysAnonymised: number;
  commentsAnonymised: number;
  reminders: number;
  reviewAssignments: number;
  linkClaims: number;
  auditTargetsCleared: number;
  auditActorsAnonymised: number;
}

/**
 * Takes every row off the students, in this order: their essays and comments lose author and names, their
 * reminders, review assignments and link claims go, audit entries about them point at nobody, and entries
 * by their Discord accounts (in this course or its guild's course-less ones) are put under `anonymousActor`.
 */
export async function detachStudentRows(
  tx: Tx,
  input: { courseId: string; guildId: string; ids: string[]; essayIds: string[]; commentIds: string[]; discordIds: string[]; anonymousActor: string },
): Promise<DetachedCounts> {
  const { courseId, guildId, ids, discordIds } = input;
  const anonymous = { authorStudentId: null, authorName: null, authorBlogUserId: null };
  const essaysAnonymised = (await tx.essay.updateMany({ where: { id: { in: input.essayIds } }, data: anonymous })).count;
  const commentsAnonymised = (await tx.comment.updateMany({ where: { id: { in: input.commentIds } }, data: anonymous })).count;
  const reminders = (await tx.reminder.deleteMany({ where: theirReminders(courseId, ids) })).count;
  const reviewAssignments = (await tx.assignment.deleteMany({ where: { reviewerStudentId: { in: ids } } })).count;
  const linkClaims = (await tx.linkClaim.deleteMany({ where: { studentId: { in: ids } } })).count;
  const auditTargetsCleared = (await tx.auditEntry.updateMany({ where: { targetStudentId: { in: ids } }, data: { targetStudentId: null } })).count;
  const auditActorsAnonymised =
    discordIds.length === 0
      ? 0
      : (
          await tx.auditEntry.updateMany({
            where: { actorUserId: { in: discordIds }, OR: [{ courseId }, { courseId: null, guildId }] },
            data: { actorUserId: input.anonymousActor },
          })
        ).count;
  return { essaysAnonymised, commentsAnonymised, reminders, reviewAssignments, linkClaims, auditTargetsCleared, auditActorsAnonymised };
}

/** Deletes the students' roster rows (last, once nothing points at them); returns how many went. */
export async function deleteStudentRows(tx: Tx, ids: string[]): Promise<number> {
  return (await tx.student.deleteMany({ where: { id: { in: ids } } })).count;
}
