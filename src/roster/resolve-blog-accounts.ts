// A roster row's blog username links the student's blog account as soon as the bot can see that account on
// the blog. WordPress shows the bot (an editor) only the accounts that have published a post, so resolution is
// tried at import (accounts already visible) and again whenever the poll meets an author it does not know.
// Unknown authors are remembered for a while, so a course's guest authors cost one lookup, not one per poll.
import type { BlogSource } from '../ports/blog-source.js';
import type { BlogUser } from '../core/types.js';
import type { Context } from '../context.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { uncreditedEssayAuthors } from '../db/repositories/blog-account-credit.js';
import {
  blogUsernamesAwaitingLink,
  countUnlinkedRosterUsernames,
  linkBlogAccountIfUnlinked,
  studentIdForBlogAccount,
  unlinkedRosterUsernames,
} from '../db/repositories/blog-account-links.js';
import { creditBlogAccount } from './credit-blog-account.js';

export type IdentityContext = Pick<Context, 'db' | 'log'> & {
  now(): Date;
};

const RETRY_UNKNOWN_MS = 30 * 60_000;
const unknownUntil = new Map<string, number>();

/** The form a roster uses for a blog account: its login (WordPress shows the bot its slug, the same for plain logins). */
function accountNames(user: BlogUser): string[] {
  return user.username ? [user.username.toLowerCase()] : [];
}

/** Links `user` to the unlinked roster student whose blog username names it; returns that student's id. */
async function linkIfOnRoster(ctx: IdentityContext, courseId: string, user: BlogUser): Promise<string | null> {
  const names = accountNames(user);
  if (names.length === 0) return null;
  const unlinked = await unlinkedRosterUsernames(ctx.db, courseId);
  const match = unlinked.filter((s) => names.includes(s.blogUsername.toLowerCase()));
  if (match.length !== 1) return null;
  const studentId = match[0]!.id;
  try {
    if (!(await linkBlogAccountIfUnlinked(ctx.db, studentId, user.blogUserId))) return null;
  } catch (error) {
    if (isUniqueViolation(error)) return null; // that account is already someone else's: staff decide
    throw error;
  }
  const credited = await creditBlogAccount(ctx.db, { courseId, studentId, blogUserId: user.blogUserId, now: ctx.now() });
  ctx.log.info({ courseId, studentId, essays: credited.essayIds.length, comments: credited.comments }, 'blog account linked from the roster');
  return studentId;
}

/**
 * The roster student behind a blog account the poll has just met (an essay's or a comment's author), linking
 * it on the way when the roster names that account. Null for an account nobody on the roster claims.
 * The blog is asked for only when needed: a linked author (the usual case on every poll) costs one query.
 */
export async function studentForBlogAccount(
  ctx: IdentityContext,
  blog: () => Promise<BlogSource>,
  courseId: string,
  blogUserId: string,
): Promise<string | null> {
  const linked = await studentIdForBlogAccount(ctx.db, courseId, blogUserId);
  if (linked) return linked;
  const key = `${courseId}:${blogUserId}`;
  if ((unknownUntil.get(key) ?? 0) > ctx.now().getTime()) return null;
  const waiting = await countUnlinkedRosterUsernames(ctx.db, courseId);
  if (waiting === 0) return null;
  const user = await (await blog()).findUser({ id: blogUserId });
  const studentId = user ? await linkIfOnRoster(ctx, courseId, user) : null;
  if (!studentId) unknownUntil.set(key, ctx.now().getTime() + RETRY_UNKNOWN_MS);
  return studentId;
}

/**
 * After a roster import or edit: every unlinked student with a blog username is looked up on the blog, and
 * the authors of essays nobody is credited for yet are tried again (their cache entries are forgotten).
 * Returns how many students are still unresolved.
 */
export async function resolveRosterBlogAccounts(ctx: IdentityContext, blog: BlogSource, courseId: string): Promise<{ linked: number; unresolved: number }> {
  for (const key of unknownUntil.keys()) if (key.startsWith(`${courseId}:`)) unknownUntil.delete(key);
  let linked = 0;
  for (const blogUsername of await blogUsernamesAwaitingLink(ctx.db, courseId)) {
    const user = await blog.findUser({ username: blogUsername });
    if (user && (await linkIfOnRoster(ctx, courseId, user))) linked += 1;
  }
  for (const author of await uncreditedEssayAuthors(ctx.db, courseId)) {
    const studentId = await studentForBlogAccount(ctx, async () => blog, courseId, author);
    // Linked earlier by /link but recorded before it: credit now (does nothing when already credited).
    if (studentId) await creditBlogAccount(ctx.db, { courseId, studentId, blogUserId: author, now: ctx.now() });
  }
  const unresolved = await countUnlinkedRosterUsernames(ctx.db, courseId);
  return { linked, unresolved };
}
