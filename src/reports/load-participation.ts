// Reads a course's participation facts (db/repositories/participation-facts.ts) and hands them to the pure
// computeParticipation. Read-only: the reports never depend on the reviews/reminders use cases,
// only on the rows those use cases leave behind.
import { computeParticipation } from '../core/participation/compute-participation.js';
import type { ParticipationEssay, ParticipationReport } from '../core/participation/types.js';
import type { Db } from '../db/client.js';
import { participationFacts } from '../db/repositories/participation-facts.js';
import { essayMatchesFilter, parseStoredEssayFilter } from '../core/reviews/essay-filter.js';

export interface ParticipationQuery {
  courseId: string;
  /** Only this review round (its assignments, reminders and the essays it covers). */
  roundId?: string | null;
  now: Date;
}

export async function participationReport(db: Db, query: ParticipationQuery): Promise<ParticipationReport> {
  const { courseId, now } = query;
  const { timeZone, students, essays, comments, assignments, reminders, rounds } = await participationFacts(db, courseId);

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
    timeZone,
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
