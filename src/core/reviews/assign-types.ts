// Shapes shared by the assignment functions. Ids are opaque strings (student ids, essay ids).

export type ReviewMode = 'assigned' | 'quota';

export interface EssayRef {
  essayId: string;
  /** null when the essay's author is not on the roster: anyone may review it. */
  authorId: string | null;
}

export interface StudentRef {
  id: string;
  /** Informational; `essayIds` decides. */
  hasEssay?: boolean;
  essayIds: string[];
}

export interface AssignInput {
  /** Every student reviews; their essays are the essays of the round. */
  students?: StudentRef[];
  /** Extra essays (e.g. by authors who are not reviewers). */
  essays?: EssayRef[];
  /** Extra reviewers (e.g. students without essays when `students` is not used). */
  reviewers?: string[];
  /** Reviews per reviewer. */
  k: number;
  mode: ReviewMode;
  seed: string | number;
  /** [reviewerId, authorId] pairs from earlier rounds, avoided when possible. */
  previousPairs?: ReadonlyArray<readonly [string, string]>;
  /** Report reviewers who cannot get within 1 of k as warnings instead of throwing. */
  allowShortfall?: boolean;
  /** Display names for warnings; ids are shown where a name is missing. */
  names?: Readonly<Record<string, string>>;
}

/**
 * One review owed. In 'assigned' mode it names the essay and `required` is 1; in 'quota' mode
 * essayId/authorId are null and `required` counts how many peers' essays the reviewer must comment on.
 */
export interface ReviewAssignment {
  reviewerId: string;
  essayId: string | null;
  authorId: string | null;
  required: number;
}

export interface AssignResult {
  mode: ReviewMode;
  assignments: ReviewAssignment[];
  load: { perReviewer: Record<string, number>; perEssay: Record<string, number> };
  warnings: string[];
  stats: { reciprocalPairs: number; repeatedPairs: number; seed: string | number };
}

export class AssignmentInfeasible extends Error {
  override readonly name = 'AssignmentInfeasible';
  constructor(readonly reasons: string[]) {
    super(`The reviews cannot be assigned: ${reasons.join(' ')}`);
  }
}
