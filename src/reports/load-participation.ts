// Reads a course's participation facts straight from the database and hands them to the pure
// computeParticipation. Read-only: the reports never depend on the reviews/reminders use cases,
// only on the rows those use cases leave behind.
import { computeParticipation } from '../core/participation/compute-participation.js';
import type { ParticipationEssay, ParticipationReport } from '../core/participation/types.js';
import type { Db } from '../db/client.js';
import { essayMatchesFilter, parseStoredEssayFilter } from '../core/reviews/essay-filter.js';

export interface ParticipationQuery {
  courseId: string;
  /** Only this review round (its assignments, reminders and the essays it covers). */
  roundId?: string | null;
  now: Date;
}

/** Comment states that do not count: removed on the blog or in Discord, or marked as spam. */
const NOT_COUNTED = ['spam', 'trash', 'deleted'];

export async function participationReport(db: Db, query: ParticipationQuery): Promise<ParticipationReport> {
  const { courseId, now } = query;
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { timeZone: true } });
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

  // An essay counts for a round when the round assigns it, or (quota rounds) when it matches the round's filter.
  const roundIds = new Map<string, Set<string>>();
  const tag = (essayId: string, roundId: string) => (roundIds.get(essayId) ?? roundIds.set(essayId, new Set()).get(essayId)!).add(roundId);
  for (const a of assignments) if (a.essayId) tag(a.essayId, a.roundId);
  for (const r of rounds.filter((x) => x.mode === 'quota')) {
    const filter = parseStoredEssayFilter(r.essayFilter);
    for (const e of essays) if (essayMatchesFilter(e, filter)) tag(e.id, r.id);
  }

  return computeParticipation({
    now,
    roundId: query.roundId ?? null,
    timeZone: course.timeZone,
    students: students.map((s) => ({ id: s.id, name: s.displayName })),
    essays: essays.map((e): ParticipationEssay => ({
      id: e.id,
      authorId: e.authorStudentId,
      publishedAt: e.publishedAt,
      roundIds: [...(roundIds.get(e.id) ?? [])],
    })),
    comments: comments.map((c) => ({
      authorStudentId: c.authorStudentId,
      essayId: c.essayId,
      source: c.origin === 'blog' ? 'blog' : 'discord',
      createdAt: c.writtenAt,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      roundId: a.roundId,
      reviewerId: a.reviewerStudentId,
      dueAt: a.round.dueAt,
      // The stored status decides "done"; completedAt alone could be stale after a cancel.
      completedAt: a.status === 'done' || a.status === 'done_late' ? a.completedAt : null,
      cancelled: a.status === 'cancelled' || a.round.status === 'cancelled',
    })),
    reminders: reminders.map((r) => ({ assignmentId: r.assignmentId!, stage: r.stage, status: r.status })),
  });
}

/** Roster e-mail addresses, for the staff-only CSV download. */
export async function studentEmails(db: Db, courseId: string): Promise<Map<string, string | null>> {
  const rows = await db.student.findMany({ where: { courseId }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}
