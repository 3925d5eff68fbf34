// What a reminder or the staff's overdue digest says, read fresh when it is sent (src/reminders/): the review
// may have been done, the essay renamed or the student renamed since the sweep planned it.
import type { Db } from '../client.js';

/** One review assignment with its round, essay and reviewer as a reminder names them; null when it is gone. */
export function assignmentForReminder(db: Db, assignmentId: string) {
  return db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      status: true,
      roundId: true,
      reviewerStudentId: true,
      essayId: true,
      round: { select: { name: true, dueAt: true, status: true, minCommentWords: true } },
      essay: { select: { title: true, url: true, threadId: true, authorName: true, author: { select: { displayName: true } } } },
      reviewer: { select: { id: true, displayName: true, discordUserId: true, reminderMode: true, dmClosedAt: true, timeZone: true } },
    },
  });
}

/** Quota slots a reviewer still owes in a round (peer essays still to comment on). */
export function pendingQuotaSlots(db: Db, roundId: string, reviewerStudentId: string): Promise<number> {
  return db.assignment.count({ where: { roundId, reviewerStudentId, essayId: null, status: 'pending' } });
}

/** The names an overdue digest shows: the students (and whether they can be reached), essay titles and round names. */
export async function overdueDigestNames(db: Db, ids: { studentIds: string[]; essayIds: string[]; roundIds: string[] }) {
  const students = await db.student.findMany({
    where: { id: { in: ids.studentIds } },
    select: { id: true, displayName: true, discordUserId: true, dmClosedAt: true, reminderMode: true },
  });
  const essays = await db.essay.findMany({ where: { id: { in: ids.essayIds } }, select: { id: true, title: true } });
  const rounds = await db.reviewRound.findMany({ where: { id: { in: ids.roundIds } }, select: { id: true, name: true } });
  return { students, essays, rounds };
}
