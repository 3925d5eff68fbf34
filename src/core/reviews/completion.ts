// When does a review count as done? One comment by the reviewer on the assigned essay (Discord or blog,
// both arrive here as the same shape) with at least `minWords` words (counted by the caller with
// core/format/count-words.ts, which understands HTML, Discord mentions and CJK text). Short comments do not add up:
// instructors ask for one substantive comment, not several one-liners.

export interface CommentFact {
  authorStudentId: string | null;
  essayId: string;
  wordCount: number;
  createdAt: Date;
}

export interface AssignmentFact {
  reviewerId: string;
  /** null for a quota assignment: any `required` distinct essays from `eligibleEssayIds`. */
  essayId: string | null;
  required?: number;
  /** Quota mode only: the round's essays not written by the reviewer. */
  eligibleEssayIds?: readonly string[];
}

export interface CompletionResult {
  done: boolean;
  late: boolean;
  /** The comment that completed the review (for quota, the one that reached the quota). */
  commentAt: Date | null;
}

export const DEFAULT_MIN_WORDS = 25;

export function isReviewComplete(input: { comments: readonly CommentFact[]; assignment: AssignmentFact; minWords?: number; dueAt: Date }): CompletionResult {
  const { assignment, dueAt } = input;
  const minWords = input.minWords ?? DEFAULT_MIN_WORDS;
  const eligible = assignment.essayId !== null ? new Set([assignment.essayId]) : new Set(assignment.eligibleEssayIds ?? []);
  const required = assignment.essayId !== null ? 1 : Math.max(1, assignment.required ?? 1);
  // Earliest qualifying comment per essay; the review completes when `required` essays have one.
  const firstPerEssay = new Map<string, number>();
  for (const c of input.comments) {
    if (c.authorStudentId !== assignment.reviewerId || !eligible.has(c.essayId) || c.wordCount < minWords) continue;
    const t = c.createdAt.getTime();
    const prev = firstPerEssay.get(c.essayId);
    if (prev === undefined || t < prev) firstPerEssay.set(c.essayId, t);
  }
  const times = [...firstPerEssay.values()].sort((a, b) => a - b);
  if (times.length < required) return { done: false, late: false, commentAt: null };
  const at = times[required - 1]!;
  return { done: true, late: at > dueAt.getTime(), commentAt: new Date(at) };
}
