// The participation numbers of a simulated course, computed here from the generated rows with plain
// loops, independently of src/ (neither computeParticipation nor the loader is used), following the
// documented rules:
// - an essay counts when it is published on the blog and its publication time has passed; with a
//   round, only the essays that round assigns to someone;
// - a comment counts when it is on a counted essay, not deleted, not spam/trash, and not by the
//   essay's own author (that is a reply); "received" includes guests' comments;
// - an assignment counts unless it or its round is cancelled; done / done late from its status,
//   pending until due, overdue after;
// - reminders sent: 'sent' reminders of counted assignments.
import type { SimCourse } from './simulated-course.js';

export interface TruthRow {
  studentId: string;
  name: string;
  email: string;
  essays: number;
  givenDiscord: number;
  givenBlog: number;
  received: number;
  done: number;
  late: number;
  pending: number;
  overdue: number;
  remindersSent: number;
}

export function groundTruth(sim: SimCourse, roundId: string | null = null): TruthRow[] {
  const now = sim.now.getTime();
  const cancelledRounds = new Set(sim.rounds.filter((r) => r.status === 'cancelled').map((r) => r.id));
  const dueOf = new Map(sim.rounds.map((r) => [r.id, r.dueAt.getTime()]));
  const inRound = new Set(sim.assignments.filter((a) => a.roundId === roundId).map((a) => a.essayId));
  const essays = sim.essays.filter((e) => e.blogStatus === 'published' && e.publishedAt.getTime() <= now && (roundId === null || inRound.has(e.id)));
  const authorOf = new Map(essays.map((e) => [e.id, e.authorStudentId]));
  const comments = sim.comments.filter(
    (c) => authorOf.has(c.essayId) && c.deletedAt === null && !['spam', 'trash', 'deleted'].includes(c.blogStatus) && c.writtenAt.getTime() <= now,
  );
  const assignments = sim.assignments.filter((a) => a.status !== 'cancelled' && !cancelledRounds.has(a.roundId) && (roundId === null || a.roundId === roundId));
  const counted = new Set(assignments.map((a) => a.id));

  return sim.students.map((s) => {
    const row: TruthRow = {
      studentId: s.id,
      name: s.displayName,
      email: s.email,
      essays: 0,
      givenDiscord: 0,
      givenBlog: 0,
      received: 0,
      done: 0,
      late: 0,
      pending: 0,
      overdue: 0,
      remindersSent: 0,
    };
    row.essays = essays.filter((e) => e.authorStudentId === s.id).length;
    for (const c of comments) {
      const essayAuthor = authorOf.get(c.essayId);
      if (c.authorStudentId === s.id && essayAuthor !== s.id) {
        if (c.origin === 'discord') row.givenDiscord++;
        else row.givenBlog++;
      }
      if (essayAuthor === s.id && c.authorStudentId !== s.id) row.received++;
    }
    for (const a of assignments.filter((x) => x.reviewerStudentId === s.id)) {
      if (a.status === 'done') row.done++;
      else if (a.status === 'done_late') row.late++;
      else if (now >= dueOf.get(a.roundId)!) row.overdue++;
      else row.pending++;
    }
    row.remindersSent = sim.reminders.filter((r) => r.assignmentId && counted.has(r.assignmentId) && r.studentId === s.id && r.status === 'sent').length;
    return row;
  });
}

/** The order the report lists students in: by name, as the database compares text (code points). */
export function byName(rows: TruthRow[]): TruthRow[] {
  return [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function numbersOf(r: TruthRow): number[] {
  return [r.essays, r.givenDiscord, r.givenBlog, r.received, r.done, r.late, r.pending, r.overdue, r.remindersSent];
}
