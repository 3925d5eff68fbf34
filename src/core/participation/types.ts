// Inputs and outputs of the participation report. Plain data: the reports use case loads it from the
// database; tests build it by hand.

export interface ParticipationStudent {
  id: string;
  name: string;
}

export interface ParticipationEssay {
  id: string;
  /** null when the blog author is not linked to a student. */
  authorId: string | null;
  publishedAt: Date;
  /** Rounds the essay counts for; needed only when the report is filtered by round. */
  roundIds?: readonly string[];
}

export type CommentSource = 'discord' | 'blog';

export interface ParticipationComment {
  /** null when the comment could not be attributed to a student (listed in totals). */
  authorStudentId: string | null;
  essayId: string;
  source: CommentSource;
  createdAt: Date;
}

export interface ParticipationAssignment {
  id: string;
  roundId: string;
  reviewerId: string;
  dueAt: Date;
  completedAt: Date | null;
  cancelled: boolean;
}

export interface ParticipationReminder {
  assignmentId: string;
  stage: string;
  /** 'sent' (DM or channel fallback) and 'failed' are counted; other states are ignored. */
  status: string;
}

/** The four review states are disjoint: done + doneLate + pending + overdue = assigned. */
export interface ReviewCounts {
  assigned: number;
  done: number;
  doneLate: number;
  pending: number;
  overdue: number;
}

export interface StudentParticipation {
  studentId: string;
  name: string;
  essaysPublished: number;
  /** Comments on other students' essays (comments on one's own essay are replies, not reviews). */
  commentsGiven: { discord: number; blog: number; total: number };
  /** Comments by anyone else (including unattributed ones) on this student's essays. */
  commentsReceived: number;
  reviews: ReviewCounts;
  remindersSent: number;
  remindersFailed: number;
}

export interface WeeklyActivity {
  /** ISO week, e.g. '2025-W13'. */
  week: string;
  /** Monday of that week, 'YYYY-MM-DD'. */
  weekStart: string;
  essays: number;
  commentsDiscord: number;
  commentsBlog: number;
  reviewsDone: number;
}

export interface ParticipationReport {
  generatedAt: Date;
  roundId: string | null;
  students: StudentParticipation[];
  totals: {
    students: number;
    essaysPublished: number;
    commentsDiscord: number;
    commentsBlog: number;
    unattributedComments: number;
    reviews: ReviewCounts;
    /** (done + doneLate) / assigned, 0 when nothing is assigned. */
    completionRate: number;
    remindersSent: number;
    remindersFailed: number;
  };
  weekly: WeeklyActivity[];
}
