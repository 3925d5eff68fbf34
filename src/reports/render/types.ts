// Inputs of the report renderers: flat, display-ready rows. The reports use case builds them from
// core's ParticipationReport (see from-core.ts) and adds e-mail addresses from the roster for the CSV.

export interface ParticipationRow {
  studentName: string;
  /** Only ever written to the CSV (staff gradebook), never to a Discord reply or chart. */
  email: string | null;
  essaysPublished: number;
  commentsGivenDiscord: number;
  commentsGivenBlog: number;
  commentsReceived: number;
  reviewsDone: number;
  reviewsDoneLate: number;
  reviewsPending: number;
  reviewsOverdue: number;
  remindersSent: number;
}

export interface WeeklyPoint {
  /** Monday of the ISO week, 'YYYY-MM-DD'. */
  weekStart: string;
  essays: number;
  /** Comments from both sides (Discord replies + blog comments). */
  comments: number;
}

/** One reminder stage ('before_48h', 'at_due', ...) of the /report reminders table. */
export interface ReminderStageStats {
  stage: string;
  sent: number;
  postponedQuietHours: number;
  failedDmClosed: number;
  pending: number;
}
