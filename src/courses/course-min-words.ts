// /course settings min_words: the words a review comment needs, for every round that sets none of its
// own. Pending reviews are judged by the new minimum from the next sweep on; reviews already done stay
// done (a student who met the rule in force is not un-credited).
import type { Tx } from '../db/client.js';
import { activeRoundsWithOwnMinWords, replaceMinCommentWords } from '../db/repositories/course-settings.js';
import { UserError } from '../shared/user-error.js';
import { recordAudit } from './audit.js';

export const MAX_MIN_WORDS = 2_000;

/** min_words as typed: a whole number from 0 to MAX_MIN_WORDS, or a UserError saying so. */
export function checkMinWords(minWords: number): void {
  if (!Number.isInteger(minWords) || minWords < 0 || minWords > MAX_MIN_WORDS) {
    throw new UserError(`min_words must be a whole number from 0 to ${MAX_MIN_WORDS}, e.g. min_words:40.`);
  }
}

/** Sets the course minimum (checked by checkMinWords) with its audit entry, in the caller's transaction; what staff are told. */
export async function setCourseMinWords(tx: Tx, input: { courseId: string; guildId: string; actorUserId: string; minWords: number }): Promise<string> {
  const before = await replaceMinCommentWords(tx, input.courseId, input.minWords);
  await recordAudit(tx, {
    courseId: input.courseId,
    guildId: input.guildId,
    actorUserId: input.actorUserId,
    action: 'course.min_words',
    details: { from: before, to: input.minWords },
  });
  const own = await activeRoundsWithOwnMinWords(tx, input.courseId);
  const keep = own.length ? ` Rounds with their own min_words keep it: ${own.map((r) => `“${r.name}” ${r.minCommentWords}`).join(', ')}.` : '';
  return `A review now counts with one comment of at least ${input.minWords} words, in /status and in every reminder.${keep} Reviews already done stay done.`;
}
