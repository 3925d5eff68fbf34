import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

// The rows participation is computed from (src/reports/load-participation.ts hands them to the pure
// computeParticipation), and the names its outputs are titled with. Read-only.

/** Comment states that do not count: removed on the blog or in Discord, or marked as spam. */
const NOT_COUNTED = ['spam', 'trash', 'deleted'];

/**
 * A course's participation facts: its zone, its students (by name), published essays, counted comments,
 * every assignment with its round's due time and state, the student reminders and the rounds.
 */
export async function participationFacts(db: Db, courseId: string) {
  const course = await courseById(db, courseId, { timeZone: true });
  const [students, essays, comments, assignments, reminders, rounds] = await Promise.all([
    db.student.findMany({ where: { courseId }, select: { id: true, displayName: true }, orderBy: [{ displayName: 'asc' }, { id: 'asc' }] }),
    db.essay.findMany({
      where: { courseId, blogStatus: 'published' },
      select: { id: true, authorStudentId: true, publishedAt: true, categories: true, tags: true },
    }),
    db.comment.findMany({
      where: { courseId, deletedAt: null, blogStatus: { notIn: NOT_COUNTED } },
      select: { authorStudentId: true, essayId: true, origin: true, writtenAt: true },
    }),
    db.assignment.findMany({
      where: { round: { courseId } },
      select: {
        id: true,
        roundId: true,
        reviewerStudentId: true,
        essayId: true,
        status: true,
        completedAt: true,
        round: { select: { dueAt: true, status: true } },
      },
    }),
    db.reminder.findMany({ where: { courseId, assignmentId: { not: null } }, select: { assignmentId: true, stage: true, status: true } }),
    db.reviewRound.findMany({ where: { courseId }, select: { id: true, mode: true, essayFilter: true } }),
  ]);
  return { timeZone: course.timeZone, students, essays, comments, assignments, reminders, rounds };
}

/** Student id -> roster e-mail address (null: none), for the staff-only CSV download. */
export async function rosterEmails(db: Db, courseId: string): Promise<Map<string, string | null>> {
  const rows = await db.student.findMany({ where: { courseId }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** The course's review rounds (id and name), oldest first. */
export function courseRoundNames(db: Db, courseId: string): Promise<Array<{ id: string; name: string }>> {
  return db.reviewRound.findMany({ where: { courseId }, select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
}

/** The names a participation output is titled with: the course's, and the round's when it is about one round. */
export async function participationTitleNames(db: Db, courseId: string, roundId: string | null): Promise<{ courseName: string; roundName: string | null }> {
  const course = await courseById(db, courseId, { name: true });
  const round = roundId ? await db.reviewRound.findUniqueOrThrow({ where: { id: roundId }, select: { name: true } }) : null;
  return { courseName: course.name, roundName: round?.name ?? null };
}

/** How many comments are recorded, in every course together (the offline demo waits for its first reply to land). */
export function recordedCommentCount(db: Db): Promise<number> {
  return db.comment.count();
}
