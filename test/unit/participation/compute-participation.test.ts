// A simulated course: 30 students, 2 rounds, comments from both Discord and the blog, late reviews,
// closed DMs. The expected numbers are tallied while the data is generated, one event at a time,
// never by re-running the report's own filters.
import { describe, expect, it } from 'vitest';
import { computeParticipation } from '../../../src/core/participation/compute-participation.js';
import type { ParticipationAssignment, ParticipationComment, ParticipationEssay, ParticipationReminder } from '../../../src/core/participation/types.js';
import { assignReviews } from '../../../src/core/reviews/assign.js';
import { createRng } from '../../../src/core/reviews/prng.js';

type Tally = {
  essays: number;
  discord: number;
  blog: number;
  received: number;
  done: number;
  late: number;
  pending: number;
  overdue: number;
  sent: number;
  failed: number;
};
type Scope = 'all' | 'r1' | 'r2';

const NOW = new Date('2025-04-10T12:00:00Z');
const ROUNDS = {
  r1: { published: Date.parse('2025-03-10T09:00:00Z'), due: new Date('2025-03-24T22:00:00Z') },
  r2: { published: Date.parse('2025-04-01T09:00:00Z'), due: new Date('2025-04-14T22:00:00Z') },
};
const H = 3_600_000;

function simulate() {
  const rng = createRng('course-sim');
  const students = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: `Student ${i}` }));
  const tally: Record<Scope, Map<string, Tally>> = { all: new Map(), r1: new Map(), r2: new Map() };
  for (const scope of Object.values(tally)) {
    for (const s of students) scope.set(s.id, { essays: 0, discord: 0, blog: 0, received: 0, done: 0, late: 0, pending: 0, overdue: 0, sent: 0, failed: 0 });
  }
  const bump = (round: 'r1' | 'r2', id: string | null, field: keyof Tally) => {
    if (!id || !tally.all.has(id)) return;
    tally.all.get(id)![field]++;
    tally[round].get(id)![field]++;
  };
  let unattributed = 0;
  const essays: ParticipationEssay[] = [];
  const comments: ParticipationComment[] = [];
  const assignments: ParticipationAssignment[] = [];
  const reminders: ParticipationReminder[] = [];
  for (const round of ['r1', 'r2'] as const) {
    const { published, due } = ROUNDS[round];
    const writers = students.filter((_, i) => (round === 'r1' ? i % 10 !== 9 : i % 6 !== 5));
    for (const [n, s] of writers.entries()) {
      essays.push({ id: `${round}-${s.id}`, authorId: s.id, publishedAt: new Date(published + n * H), roundIds: [round] });
      bump(round, s.id, 'essays');
    }
    // A guest post nobody on the roster wrote, and a draft-like essay published after "now".
    essays.push({ id: `${round}-guest`, authorId: null, publishedAt: new Date(published), roundIds: [round] });
    essays.push({ id: `${round}-future`, authorId: 's0', publishedAt: new Date(NOW.getTime() + H), roundIds: [round] });
    const plan = assignReviews({
      students: students.map((s) => ({ id: s.id, essayIds: writers.includes(s) ? [`${round}-${s.id}`] : [] })),
      essays: [{ essayId: `${round}-guest`, authorId: null }],
      k: 2,
      mode: 'assigned',
      seed: round,
    });
    plan.assignments.forEach((a, i) => {
      const id = `${round}-a${i}`;
      const source = rng() < 0.5 ? 'discord' : 'blog';
      const outcome = rng();
      let completedAt: Date | null = null;
      const cancelled = rng() < 0.04;
      if (outcome < 0.5)
        completedAt = new Date(due.getTime() - 30 * H); // on time
      else if (outcome < 0.7) completedAt = new Date(due.getTime() + 20 * H); // late (r2: after now)
      if (completedAt) {
        comments.push({ authorStudentId: a.reviewerId, essayId: a.essayId!, source, createdAt: completedAt });
        if (completedAt <= NOW) {
          bump(round, a.reviewerId, source);
          bump(round, a.authorId, 'received');
        }
      }
      assignments.push({ id, roundId: round, reviewerId: a.reviewerId, dueAt: due, completedAt, cancelled });
      if (!cancelled) {
        if (completedAt && completedAt <= NOW) bump(round, a.reviewerId, completedAt > due ? 'late' : 'done');
        else bump(round, a.reviewerId, NOW >= due ? 'overdue' : 'pending');
      }
      // Reminders: students whose index is a multiple of 8 have DMs closed.
      if (!completedAt || completedAt > due) {
        const closed = Number(a.reviewerId.slice(1)) % 8 === 0;
        for (const stage of ['before_48h', 'before_24h']) {
          reminders.push({ assignmentId: id, stage, status: closed ? 'failed' : 'sent' });
          if (!cancelled) bump(round, a.reviewerId, closed ? 'failed' : 'sent');
        }
        reminders.push({ assignmentId: id, stage: 'at_due', status: 'pending' }); // not counted
      }
    });
    // Authors replying on their own essay: neither given nor received.
    for (const s of writers.slice(0, 5)) {
      comments.push({ authorStudentId: s.id, essayId: `${round}-${s.id}`, source: 'discord', createdAt: new Date(published + 48 * H) });
    }
    // Unattributed blog comments (a visitor, an unlinked email): received by the author, counted apart.
    for (const s of writers.slice(3, 9)) {
      comments.push({ authorStudentId: null, essayId: `${round}-${s.id}`, source: 'blog', createdAt: new Date(published + 50 * H) });
      bump(round, s.id, 'received');
      if (round === 'r1' || published + 50 * H <= NOW.getTime()) unattributed++;
    }
    // A comment on an essay outside any known essay is ignored.
    comments.push({ authorStudentId: 's1', essayId: 'deleted-essay', source: 'blog', createdAt: new Date(published) });
  }
  return { students, essays, comments, assignments, reminders, tally, unattributed };
}

describe('computeParticipation on a simulated course', () => {
  const sim = simulate();

  for (const scope of ['all', 'r1', 'r2'] as const) {
    it(`matches the ground truth per student (${scope})`, () => {
      const report = computeParticipation({ ...sim, now: NOW, roundId: scope === 'all' ? null : scope, timeZone: 'Europe/Berlin' });
      const actual = report.students.map((s) => [
        s.studentId,
        {
          essays: s.essaysPublished,
          discord: s.commentsGiven.discord,
          blog: s.commentsGiven.blog,
          received: s.commentsReceived,
          done: s.reviews.done,
          late: s.reviews.doneLate,
          pending: s.reviews.pending,
          overdue: s.reviews.overdue,
          sent: s.remindersSent,
          failed: s.remindersFailed,
        },
      ]);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(sim.tally[scope]));
      for (const s of report.students) {
        expect(s.reviews.assigned).toBe(s.reviews.done + s.reviews.doneLate + s.reviews.pending + s.reviews.overdue);
        expect(s.commentsGiven.total).toBe(s.commentsGiven.discord + s.commentsGiven.blog);
      }
    });
  }

  it('totals add up and the weekly series covers the course', () => {
    const report = computeParticipation({ ...sim, now: NOW, timeZone: 'Europe/Berlin' });
    const sum = (f: (t: Tally) => number) => [...sim.tally.all.values()].reduce((a, t) => a + f(t), 0);
    expect(report.totals).toMatchObject({
      students: 30,
      essaysPublished: sum((t) => t.essays),
      commentsDiscord: sum((t) => t.discord),
      commentsBlog: sum((t) => t.blog),
      unattributedComments: sim.unattributed,
      remindersSent: sum((t) => t.sent),
      remindersFailed: sum((t) => t.failed),
    });
    const r = report.totals.reviews;
    expect(report.totals.completionRate).toBeCloseTo((r.done + r.doneLate) / r.assigned, 10);
    expect(r.overdue).toBe(sum((t) => t.overdue));
    expect(report.weekly[0]!.week).toBe('2025-W11'); // r1 essays from Monday 10 March
    expect(report.weekly.at(-1)!.week).toBe('2025-W15'); // up to now (10 April)
    const weeklyEssays = report.weekly.reduce((a, w) => a + w.essays, 0);
    expect(weeklyEssays).toBe(sum((t) => t.essays) + 2); // plus the two guest posts
    expect(report.weekly.reduce((a, w) => a + w.reviewsDone, 0)).toBe(r.done + r.doneLate);
  });
});
