import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

// What /status reads: the course, the caller's own roster entry (by their Discord id) and only their own assignments.

/** The course's name, zone, minimum words and name style, and the caller's roster entry (null: not on the roster). */
export async function studentStatusFacts(db: Db, courseId: string, discordUserId: string) {
  const course = await courseById(db, courseId, { name: true, timeZone: true, minCommentWords: true, blogNameStyle: true });
  const me = await db.student.findUnique({
    where: { courseId_discordUserId: { courseId, discordUserId } },
    select: {
      id: true,
      timeZone: true,
      blogUserId: true,
      blogUsername: true,
      displayName: true,
      blogNameStyle: true,
      pseudonym: true,
      pseudonymStatus: true,
      discordOnly: true,
    },
  });
  return { course, me };
}

/** The active rounds that ask this student for reviews, soonest due first, each with the student's own assignments (not cancelled). */
export function activeRoundsReviewedBy(db: Db, courseId: string, studentId: string) {
  return db.reviewRound.findMany({
    where: { courseId, status: 'active', assignments: { some: { reviewerStudentId: studentId } } },
    orderBy: { dueAt: 'asc' },
    select: {
      name: true,
      dueAt: true,
      mode: true,
      minCommentWords: true,
      assignments: {
        where: { reviewerStudentId: studentId, status: { not: 'cancelled' } },
        orderBy: { slotKey: 'asc' },
        select: { status: true, essayId: true, slotKey: true, essay: { select: { title: true, url: true, threadId: true, blogStatus: true } } },
      },
    },
  });
}
