// Adapters from core's participation report to the renderers' flat rows, so the renderers stay
// independent of how the numbers were computed.
import type { StudentParticipation, WeeklyActivity } from '../../core/participation/types.js';
import type { ParticipationRow, WeeklyPoint } from './types.js';

/** `emailOf` maps studentId to the roster address (CSV only); omitted or unknown gives null. */
export function toParticipationRows(students: readonly StudentParticipation[], emailOf?: (studentId: string) => string | null | undefined): ParticipationRow[] {
  return students.map((s) => ({
    studentName: s.name,
    email: emailOf?.(s.studentId) ?? null,
    essaysPublished: s.essaysPublished,
    commentsGivenDiscord: s.commentsGiven.discord,
    commentsGivenBlog: s.commentsGiven.blog,
    commentsReceived: s.commentsReceived,
    reviewsDone: s.reviews.done,
    reviewsDoneLate: s.reviews.doneLate,
    reviewsPending: s.reviews.pending,
    reviewsOverdue: s.reviews.overdue,
    remindersSent: s.remindersSent,
  }));
}

export function toWeeklyPoints(weekly: readonly WeeklyActivity[]): WeeklyPoint[] {
  return weekly.map((w) => ({ weekStart: w.weekStart, essays: w.essays, comments: w.commentsDiscord + w.commentsBlog }));
}
