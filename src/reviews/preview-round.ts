// /reviews assign, step 1: draw the round and show it. Only a PendingConfirmation row is written.
import { randomUUID } from 'node:crypto';
import { formatDateInZone } from '../core/format/index.js';
import { assignReviews, AssignmentInfeasible, type AssignResult, type ReviewMode } from '../core/reviews/assign.js';
import type { Db } from '../db/client.js';
import { earlierReviewPairs } from '../db/repositories/review-assignments.js';
import { courseReviewSettings, roundNameTaken } from '../db/repositories/review-rounds.js';
import { savePendingConfirmation } from '../db/repositories/round-confirmations.js';
import { studentNames } from '../db/repositories/students.js';
import { UserError } from '../shared/user-error.js';
import { renderPreview } from './preview-text.js';
import { essaysForFilter, type EssayFilter, type RoundEssay } from './round-essays.js';
import { quotaSlotKey, ROUND_CONFIRMATION_KIND, type RoundPlan } from './round-plan.js';

export const PREVIEW_TTL_MS = 30 * 60_000;

export interface PreviewRoundInput {
  courseId: string;
  actorUserId: string;
  name: string;
  dueAt: Date;
  k: number;
  mode: ReviewMode;
  filter: EssayFilter;
  now: Date;
  /** Staff chose to leave out essays whose author is not linked to a student (else they block the round). */
  excludeUnlinked?: boolean;
  /** min_words: words a review comment needs in this round; null/absent = the course's minimum. */
  minWords?: number | null;
  /** Defaults to the confirmation id, so the round's seed names the preview it came from. */
  seed?: string;
}

export interface RoundPreview {
  /** False when something blocks the round: nothing was saved and Confirm must stay off. */
  confirmable: boolean;
  pendingId: string;
  expiresAt: Date;
  text: string;
  result: AssignResult;
}

export async function previewRound(db: Db, input: PreviewRoundInput): Promise<RoundPreview> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserError('name: the round name must be 1-100 characters, e.g. Week 8.');
  const course = await courseReviewSettings(db, input.courseId);
  if (input.dueAt.getTime() <= input.now.getTime())
    throw new UserError(
      `due: ${formatDateInZone(input.dueAt, course.timeZone, 'f')} is in the past: give a future date and time (YYYY-MM-DD HH:MM in ${course.timeZone}).`,
    );
  if (await roundNameTaken(db, input.courseId, name)) {
    throw new UserError(`name: a round named "${name}" already exists in this course; choose another name (/reviews list shows the rounds).`);
  }
  const students = [...(await studentNames(db, input.courseId))].map(([id, displayName]) => ({ id, displayName }));
  if (students.length < 2) throw new UserError('The roster has fewer than 2 students: import it first with /roster import.');
  const onRoster = new Set(students.map((s) => s.id));
  const matching = await essaysForFilter(db, input.courseId, input.filter);
  // An essay nobody on the roster is credited with could be assigned to its own author: it blocks the round
  // until its author is linked, or staff leave such essays out explicitly.
  const unlinked = matching.filter((e) => !e.authorStudentId || !onRoster.has(e.authorStudentId));
  const essays = input.excludeUnlinked ? matching.filter((e) => !unlinked.includes(e)) : matching;
  const blocking = input.excludeUnlinked ? [] : unlinked.slice(0, 5).map(blockingLine);
  if (blocking.length && unlinked.length > 5)
    blocking.push(`…and ${unlinked.length - 5} more essay(s) whose author is not linked (see /report participation).`);
  const previous = await earlierReviewPairs(db, input.courseId);
  const pendingId = randomUUID();
  const seed = input.seed ?? pendingId;
  const names = Object.fromEntries(students.map((s) => [s.id, s.displayName]));
  let result: AssignResult;
  try {
    result = assignReviews({
      reviewers: students.map((s) => s.id),
      essays: essays.map((e) => ({ essayId: e.id, authorId: e.authorStudentId && onRoster.has(e.authorStudentId) ? e.authorStudentId : null })),
      k: input.k,
      mode: input.mode,
      seed,
      previousPairs: previous.filter((p) => p.essay?.authorStudentId).map((p) => [p.reviewerStudentId, p.essay!.authorStudentId!] as const),
      names,
    });
  } catch (error) {
    if (error instanceof AssignmentInfeasible)
      throw new UserError(`${error.message} (${essays.length} essay(s) match the filter, ${students.length} student(s) on the roster.)`);
    throw error;
  }
  const plan: RoundPlan = {
    courseId: input.courseId,
    name,
    dueAt: input.dueAt.toISOString(),
    k: input.k,
    mode: input.mode,
    filter: input.filter,
    seed,
    minWords: input.minWords ?? null,
    slots: result.assignments.flatMap((a): RoundPlan['slots'] =>
      a.essayId !== null
        ? [{ reviewerId: a.reviewerId, essayId: a.essayId, slotKey: a.essayId }]
        : Array.from({ length: a.required }, (_, i) => ({ reviewerId: a.reviewerId, essayId: null, slotKey: quotaSlotKey(i + 1) })),
    ),
  };
  const expiresAt = new Date(input.now.getTime() + PREVIEW_TTL_MS);
  const titles = Object.fromEntries(essays.map((e) => [e.id, e.title]));
  const text = renderPreview({
    plan,
    result,
    names,
    titles,
    timeZone: course.timeZone,
    courseMinWords: course.minCommentWords,
    essayCount: essays.length,
    blocking,
    excluded: input.excludeUnlinked ? unlinked.length : 0,
  });
  // A blocked preview saves nothing, so no button press (or forged one) can apply it.
  if (blocking.length > 0) return { confirmable: false, pendingId, expiresAt, result, text };
  await savePendingConfirmation(db, {
    id: pendingId,
    courseId: input.courseId,
    kind: ROUND_CONFIRMATION_KIND,
    actorUserId: input.actorUserId,
    payload: JSON.stringify(plan),
    expiresAt,
  });
  return { confirmable: true, pendingId, expiresAt, result, text };
}

function blockingLine(essay: RoundEssay): string {
  const by = essay.authorName ? ` by ${essay.authorName}` : '';
  return `“${essay.title}”${by}: its author is not linked to a student on the roster. Link the author of “${essay.title}” (/roster add with their blog_username, or /link approve), or run /reviews assign again with exclude_unlinked:True to leave such essays out.`;
}
