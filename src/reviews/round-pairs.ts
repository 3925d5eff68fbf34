// Who reviews whom in a round, for /reviews list (pages and CSV). One query; names resolved by the caller.
import type { Db } from '../db/client.js';
import { reviewPairRows } from '../db/repositories/review-assignments.js';
import { UserError } from '../shared/user-error.js';

export interface ReviewPair {
  roundName: string;
  reviewerName: string;
  reviewerDiscordUserId: string | null;
  /** null in quota mode: any peer essay counts. */
  essay: { title: string; authorName: string; url: string } | null;
  dueAt: Date;
  done: boolean;
}

/** The round's live pairs (cancelled ones left out), by reviewer then essay, so pages stay stable between calls. */
export async function loadReviewPairs(db: Db, input: { courseId: string; roundName: string; onlyReviewerDiscordId?: string }): Promise<ReviewPair[]> {
  const found = await reviewPairRows(db, input.courseId, input.roundName.trim(), input.onlyReviewerDiscordId);
  if (!found) throw new UserError(`round: there is no round named “${input.roundName}” in this course. /reviews list (without round) shows the rounds' names.`);
  const { round, rows } = found;
  const pairs = rows.map((a) => ({
    roundName: round.name,
    reviewerName: a.reviewer.displayName,
    reviewerDiscordUserId: a.reviewer.discordUserId,
    essay: a.essay ? { title: a.essay.title, authorName: a.essay.author?.displayName ?? a.essay.authorName ?? 'unknown author', url: a.essay.url } : null,
    dueAt: round.dueAt,
    done: a.status === 'done' || a.status === 'done_late',
    sortKey: a.slotKey,
  }));
  pairs.sort(
    (a, b) =>
      a.reviewerName.localeCompare(b.reviewerName) ||
      (a.essay?.title ?? a.sortKey).localeCompare(b.essay?.title ?? b.sortKey) ||
      a.sortKey.localeCompare(b.sortKey),
  );
  return pairs.map(({ sortKey: _sortKey, ...pair }) => pair);
}
