// A registered blog user is linked to a roster student when both sides vouch for the same e-mail:
// staff listed it on the roster (emailVerified, set by /roster import), and the blog holds it as that
// account's own e-mail (read with the bot's credentials, which may list users). A guest comment's
// author_email is typed freely by anyone and is never used: it would let anyone pass as a classmate.
import type { BlogComment } from '../core/types.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/db-errors.js';
import {
  countVerifiedEmailsAwaitingLink,
  linkBlogAccountIfUnlinked,
  linkedBlogAccounts,
  recordedBlogCommentIds,
  unlinkedStudentByVerifiedEmail,
} from '../db/repositories/blog-account-links.js';
import type { ConfirmedLink } from './link-claims.js';

/** The e-mail the blog holds for one of its accounts; null when the bot may not read it. */
export type BlogAccountEmail = (blogUserId: string) => Promise<string | null>;

/**
 * Called by the blog comment poll before it records new comments: each registered blog user who wrote
 * a comment the bot has not seen yet, and who is linked to nobody, is looked up once; a verified roster
 * e-mail equal to the account's e-mail links that student to the account (only if they have no blog
 * account yet). Safe to run twice: a linked account is never looked up again.
 */
export async function linkByVerifiedEmail(
  db: Db,
  input: { courseId: string; comments: readonly Pick<BlogComment, 'blogCommentId' | 'authorBlogUserId'>[]; accountEmail: BlogAccountEmail },
): Promise<ConfirmedLink[]> {
  const { courseId } = input;
  const registered = input.comments.filter((c) => c.authorBlogUserId);
  if (registered.length === 0) return [];
  // Only e-mails staff vouched for, on students without a blog account, can link: skip the lookups otherwise.
  if ((await countVerifiedEmailsAwaitingLink(db, courseId)) === 0) return [];
  const seen = await recordedBlogCommentIds(
    db,
    courseId,
    registered.map((c) => c.blogCommentId),
  );
  const authors = [...new Set(registered.filter((c) => !seen.has(c.blogCommentId)).map((c) => c.authorBlogUserId!))];
  if (authors.length === 0) return [];
  const linked = await linkedBlogAccounts(db, courseId, authors);
  const linkedNow: ConfirmedLink[] = [];
  for (const blogUserId of authors.filter((id) => !linked.has(id))) {
    const email = (await input.accountEmail(blogUserId))?.trim().toLowerCase();
    if (!email) continue;
    const studentId = await unlinkedStudentByVerifiedEmail(db, courseId, email);
    if (!studentId) continue;
    try {
      if (await linkBlogAccountIfUnlinked(db, studentId, blogUserId)) linkedNow.push({ studentId, blogUserId });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // that account was linked to another student meanwhile
    }
  }
  return linkedNow;
}
