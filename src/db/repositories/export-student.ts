import type { Db } from '../client.js';

// What `/privacy export` reads about one student (src/privacy/export-student.ts shapes it into JSON).

const essayRef = { select: { id: true, title: true, url: true } } as const;

/** The student's roster row with its course, or null when the student is not on this course's roster. */
export function studentWithCourse(db: Db, courseId: string, studentId: string) {
  return db.student.findFirst({ where: { id: studentId, courseId }, include: { course: true } });
}

/**
 * Every row about the student, read side by side: link claims (without the code hash), essays, comments,
 * reviews given and received (with round and essay), reminders, and audit entries about them or, with their
 * Discord id, by them in this course.
 */
export async function studentExportRecords(db: Db, courseId: string, studentId: string, discordUserId: string | null) {
  const [linkClaims, essays, comments, reviewsGiven, reviewsReceived, reminders, audit] = await Promise.all([
    db.linkClaim.findMany({ where: { studentId }, orderBy: { createdAt: 'asc' }, omit: { codeHash: true, courseId: true, studentId: true } }),
    db.essay.findMany({ where: { courseId, authorStudentId: studentId }, orderBy: { publishedAt: 'asc' } }),
    db.comment.findMany({ where: { courseId, authorStudentId: studentId }, orderBy: { writtenAt: 'asc' }, include: { essay: essayRef } }),
    db.assignment.findMany({ where: { reviewerStudentId: studentId }, orderBy: { createdAt: 'asc' }, include: { round: true, essay: essayRef } }),
    db.assignment.findMany({ where: { essay: { authorStudentId: studentId } }, orderBy: { createdAt: 'asc' }, include: { round: true, essay: essayRef } }),
    db.reminder.findMany({ where: { courseId, OR: [{ studentId }, { assignment: { reviewerStudentId: studentId } }] }, orderBy: { scheduledFor: 'asc' } }),
    // Entries about them, and what they did themselves in this course (e.g. staff commands they were refused).
    db.auditEntry.findMany({
      where: { OR: [{ targetStudentId: studentId }, ...(discordUserId ? [{ courseId, actorUserId: discordUserId }] : [])] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return { linkClaims, essays, comments, reviewsGiven, reviewsReceived, reminders, audit };
}

/** The review comments with these ids: where and when each was written, and its author's Discord id. */
export function reviewCommentsShown(db: Db, commentIds: string[]) {
  return db.comment.findMany({
    where: { id: { in: commentIds } },
    select: { id: true, origin: true, discordMessageId: true, writtenAt: true, author: { select: { discordUserId: true } } },
  });
}
