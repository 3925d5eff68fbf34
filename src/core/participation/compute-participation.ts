// Per-student participation numbers for staff reports, /status and the weekly digest. Pure: the same
// inputs and `now` always give the same report.
import type {
  ParticipationAssignment,
  ParticipationComment,
  ParticipationEssay,
  ParticipationReminder,
  ParticipationReport,
  ParticipationStudent,
  ReviewCounts,
  StudentParticipation,
} from './types.js';
import { weeklyActivity, type ActivityEvent } from './weekly-activity.js';

export interface ParticipationInput {
  students: readonly ParticipationStudent[];
  essays: readonly ParticipationEssay[];
  comments: readonly ParticipationComment[];
  assignments: readonly ParticipationAssignment[];
  reminders: readonly ParticipationReminder[];
  now: Date;
  /** Only this round: its assignments and reminders, essays tagged with it, comments on those essays. */
  roundId?: string | null;
  /** Calendar used for ISO weeks (the course's time zone); UTC when omitted. */
  timeZone?: string;
}

const emptyReviews = (): ReviewCounts => ({ assigned: 0, done: 0, doneLate: 0, pending: 0, overdue: 0 });

export function reviewState(a: ParticipationAssignment, now: Date): Exclude<keyof ReviewCounts, 'assigned'> {
  const t = now.getTime();
  if (a.completedAt && a.completedAt.getTime() <= t) return a.completedAt.getTime() > a.dueAt.getTime() ? 'doneLate' : 'done';
  return t >= a.dueAt.getTime() ? 'overdue' : 'pending';
}

export function computeParticipation(input: ParticipationInput): ParticipationReport {
  const { now } = input;
  const t = now.getTime();
  const roundId = input.roundId ?? null;
  const essays = input.essays.filter((e) => e.publishedAt.getTime() <= t && (roundId === null || (e.roundIds ?? []).includes(roundId)));
  const essayAuthor = new Map(essays.map((e) => [e.id, e.authorId]));
  const comments = input.comments.filter((c) => c.createdAt.getTime() <= t && essayAuthor.has(c.essayId));
  const assignments = input.assignments.filter((a) => !a.cancelled && (roundId === null || a.roundId === roundId));
  const reviewerOf = new Map(assignments.map((a) => [a.id, a.reviewerId]));
  const reminders = input.reminders.filter((r) => reviewerOf.has(r.assignmentId));

  const rows = new Map<string, StudentParticipation>(
    input.students.map((s) => [
      s.id,
      {
        studentId: s.id,
        name: s.name,
        essaysPublished: 0,
        commentsGiven: { discord: 0, blog: 0, total: 0 },
        commentsReceived: 0,
        reviews: emptyReviews(),
        remindersSent: 0,
        remindersFailed: 0,
      },
    ]),
  );
  const events: ActivityEvent[] = [];
  for (const e of essays) {
    const author = e.authorId ? rows.get(e.authorId) : undefined;
    if (author) author.essaysPublished++;
    events.push({ at: e.publishedAt, kind: 'essay' });
  }
  let unattributed = 0;
  for (const c of comments) {
    const author = essayAuthor.get(c.essayId) ?? null;
    events.push({ at: c.createdAt, kind: c.source });
    if (c.authorStudentId === null) unattributed++;
    if (c.authorStudentId !== null && c.authorStudentId === author) continue; // a reply on one's own essay
    const giver = c.authorStudentId ? rows.get(c.authorStudentId) : undefined;
    if (giver) {
      giver.commentsGiven[c.source]++;
      giver.commentsGiven.total++;
    }
    const receiver = author ? rows.get(author) : undefined;
    if (receiver) receiver.commentsReceived++;
  }
  for (const a of assignments) {
    const state = reviewState(a, now);
    if (state === 'done' || state === 'doneLate') events.push({ at: a.completedAt!, kind: 'review' });
    const row = rows.get(a.reviewerId);
    if (!row) continue;
    row.reviews.assigned++;
    row.reviews[state]++;
  }
  for (const r of reminders) {
    const row = rows.get(reviewerOf.get(r.assignmentId)!);
    if (!row) continue;
    if (r.status === 'sent') row.remindersSent++;
    else if (r.status === 'failed') row.remindersFailed++;
  }
  const students = [...rows.values()];
  return { generatedAt: now, roundId, students, totals: totalsOf(students, unattributed), weekly: weeklyActivity(events, input.timeZone, now) };
}

function totalsOf(students: StudentParticipation[], unattributedComments: number): ParticipationReport['totals'] {
  const reviews = emptyReviews();
  let essaysPublished = 0,
    commentsDiscord = 0,
    commentsBlog = 0,
    remindersSent = 0,
    remindersFailed = 0;
  for (const s of students) {
    essaysPublished += s.essaysPublished;
    commentsDiscord += s.commentsGiven.discord;
    commentsBlog += s.commentsGiven.blog;
    remindersSent += s.remindersSent;
    remindersFailed += s.remindersFailed;
    for (const k of Object.keys(reviews) as (keyof ReviewCounts)[]) reviews[k] += s.reviews[k];
  }
  return {
    students: students.length,
    essaysPublished,
    commentsDiscord,
    commentsBlog,
    unattributedComments,
    reviews,
    completionRate: reviews.assigned ? (reviews.done + reviews.doneLate) / reviews.assigned : 0,
    remindersSent,
    remindersFailed,
  };
}
