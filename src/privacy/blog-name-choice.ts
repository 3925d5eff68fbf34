// The student's side of consent before publishing (issue 12 item 11): how their name appears on the blog
// and whether their thread replies stay in Discord. Each choice applies to replies written after it;
// comments already on the blog keep the name they were published under (changing a published comment's
// author would need the blog to rewrite it, and a reader may already have quoted it).
import { blogAuthorName, NAME_STYLE_WORDS, NAME_STYLES, pseudonymProblem, type NameStyle } from '../core/roster/blog-author-name.js';
import { escapeDiscordText } from '../core/format/index.js';
import type { Db } from '../db/client.js';
import { saveBlogNameChoice, setStudentDiscordOnly } from '../db/repositories/privacy-students.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import { enqueuePseudonymNotice, pseudonymRequestNotice } from './pseudonym-notice-effect.js';

const AFTER_NOTE = 'It applies to replies you write from now on; your earlier comments keep the name they were published under.';

export async function chooseBlogName(
  db: Db,
  input: { courseId: string; studentId: string; choice: string; pseudonym: string | null; now: Date },
): Promise<string> {
  if (!(NAME_STYLES as readonly string[]).includes(input.choice)) throw new UserError(`choice: pick one of ${NAME_STYLES.join(', ')}.`);
  const choice = input.choice as NameStyle;
  if (choice === 'pseudonym') {
    const problem = pseudonymProblem(input.pseudonym);
    if (problem) throw new UserError(problem);
  } else if (input.pseudonym?.trim()) {
    throw new UserError(`pseudonym: only used with choice:pseudonym. Run the command again without it, or with choice:pseudonym.`);
  }
  const pseudonym = choice === 'pseudonym' ? input.pseudonym!.trim() : null;
  const student = await inTransaction(db, async (tx) => {
    const saved = await saveBlogNameChoice(
      tx,
      input.studentId,
      // A new pseudonym always waits for staff, even if an earlier one was approved.
      { blogNameStyle: choice, ...(choice === 'pseudonym' ? { pseudonym, pseudonymStatus: 'pending' } : {}) },
    );
    // Staff are asked in their channel, recorded with the request so neither is lost.
    if (choice === 'pseudonym') {
      await enqueuePseudonymNotice(tx, input, { kind: pseudonymRequestNotice.kind, dedupePrefix: 'pseudonym-request', payload: { pseudonym: pseudonym! } });
    }
    return saved;
  });
  const shown = blogAuthorName(student, student.course.blogNameStyle);
  if (choice === 'pseudonym') {
    return `Your pseudonym **${escapeDiscordText(pseudonym!)}** waits for staff approval; you will get a DM when they decide. Until then your replies appear on the blog as **${escapeDiscordText(shown.name)}** (the course default). ${AFTER_NOTE}`;
  }
  return `Your replies will appear on the blog as **${escapeDiscordText(shown.name)}** (${NAME_STYLE_WORDS[choice]}). ${AFTER_NOTE}`;
}

export async function setDiscordOnly(db: Db, input: { studentId: string; enabled: boolean }): Promise<string> {
  await setStudentDiscordOnly(db, input.studentId, input.enabled);
  return input.enabled
    ? 'Your replies in essay threads now stay in Discord: they are not written to the public blog, and they still count for your peer reviews and participation. Replies already on the blog stay there (delete one in Discord to remove it from the blog).'
    : 'Your replies in essay threads are published on the blog again from now on. Replies you kept in Discord stay in Discord.';
}

/** Lines for /status: the name in force, what was asked for, and where replies go. */
export function describeNameChoice(
  student: { displayName: string; blogNameStyle: string | null; pseudonym: string | null; pseudonymStatus: string | null; discordOnly: boolean },
  courseDefault: string,
): string[] {
  const shown = blogAuthorName(student, courseDefault);
  const own = student.blogNameStyle ? `your choice: ${NAME_STYLE_WORDS[shown.style]}` : `the course default: ${NAME_STYLE_WORDS[shown.style]}`;
  const waiting =
    student.blogNameStyle === 'pseudonym' && student.pseudonymStatus !== 'approved' && student.pseudonym
      ? ` Your pseudonym **${escapeDiscordText(student.pseudonym)}** ${student.pseudonymStatus === 'rejected' ? 'was not approved by staff' : 'waits for staff approval'}.`
      : '';
  return [
    `Your name on the public blog: **${escapeDiscordText(shown.name)}** (${own}).${waiting} Change it with \`/privacy name\`.`,
    student.discordOnly
      ? '🔒 Your thread replies are kept **Discord only**: not published on the blog, still counted for your reviews. `/privacy discord-only enabled:false` publishes them again.'
      : 'Your thread replies are published on the blog under that name; keep them in Discord with `/privacy discord-only enabled:true`.',
  ];
}
