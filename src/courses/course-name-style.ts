// /course setup blog_names and /course settings blog_names (and the settings command's dispatch): how students' names appear on the blog for those
// who chose nothing themselves (issue 12 item 11). Existing courses keep 'full', the behaviour before the
// choice existed. Applies to replies recorded from then on; published comments keep their names.
import { COURSE_NAME_STYLES, NAME_STYLE_WORDS, type CourseNameStyle } from '../core/roster/blog-author-name.js';
import type { Db, Tx } from '../db/client.js';
import { replaceBlogNameStyle } from '../db/repositories/course-settings.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import { recordAudit } from './audit.js';
import { checkMinWords, setCourseMinWords } from './course-min-words.js';

export const BLOG_NAMES_CHOICES = COURSE_NAME_STYLES.map((v) => ({ name: NAME_STYLE_WORDS[v], value: v }));

/** blog_names as typed: one of the styles, or a UserError naming them. */
function checkNameStyle(style: string): CourseNameStyle {
  if (!(COURSE_NAME_STYLES as readonly string[]).includes(style)) throw new UserError(`blog_names: pick ${COURSE_NAME_STYLES.join(' or ')}.`);
  return style as CourseNameStyle;
}

/** Sets the course's name style with its audit entry, in the caller's transaction; what staff are told. */
async function setCourseNameStyle(tx: Tx, input: { courseId: string; guildId: string; actorUserId: string; style: CourseNameStyle }): Promise<string> {
  const { style } = input;
  const before = await replaceBlogNameStyle(tx, input.courseId, style);
  await recordAudit(tx, {
    courseId: input.courseId,
    guildId: input.guildId,
    actorUserId: input.actorUserId,
    action: 'course.blog_names',
    details: { from: before, to: style },
  });
  return `Students who have not chosen otherwise (with /privacy name) now appear on the blog by their ${NAME_STYLE_WORDS[style]}, for replies from now on; comments already published keep their names.`;
}

/**
 * /course settings: every option given is checked first, then all are applied in one transaction (each with its
 * own audit entry), so a failure leaves every setting as it was; none given is a clear error.
 */
export async function changeCourseSettings(
  db: Db,
  input: { courseId: string; guildId: string; actorUserId: string; minWords: number | null; blogNames: string | null },
): Promise<string> {
  if (input.minWords === null && input.blogNames === null) throw new UserError('Give min_words or blog_names (or both), e.g. /course settings min_words:40.');
  const { minWords } = input;
  if (minWords !== null) checkMinWords(minWords);
  const style = input.blogNames === null ? null : checkNameStyle(input.blogNames);
  const who = { courseId: input.courseId, guildId: input.guildId, actorUserId: input.actorUserId };
  const parts = await inTransaction(db, async (tx) => [
    ...(minWords !== null ? [await setCourseMinWords(tx, { ...who, minWords })] : []),
    ...(style !== null ? [await setCourseNameStyle(tx, { ...who, style })] : []),
  ]);
  return parts.join('\n');
}
