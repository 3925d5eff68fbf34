// /link: a student proves a blog account is theirs by posting a one-time code as a blog comment while
// logged in as that account. Only the code's SHA-256 is stored; the code is shown once, ephemerally.
import { createHash, randomInt } from 'node:crypto';
import { checkBlogUsername } from '../core/roster/identity-fields.js';
import type { BlogComment } from '../core/types.js';
import { recordStaffAction, type StaffActor } from '../courses/audit.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { blogUsernameLinkedElsewhere, setStudentBlogAccount, studentIdForBlogAccount } from '../db/repositories/blog-account-links.js';
import { confirmClaim, confirmPendingClaimsOf, createLinkClaim, expirePendingClaims, pendingClaimsWithCodes } from '../db/repositories/link-claims.js';
import { studentIdByDiscordId } from '../db/repositories/students.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';
import { creditBlogAccount, type CreditedWork } from './credit-blog-account.js';
import { enqueueLinkNotice } from './link-notice-effect.js';

export const CLAIM_TTL_MS = 48 * 3_600_000;
// No 0/O, 1/I/L: students copy the code by hand into a comment form.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_PATTERN = /\bCT-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g;

export function hashCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

function newCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `CT-${part()}-${part()}`;
}

export async function startLinkClaim(
  db: Db,
  input: { courseId: string; discordUserId: string; blogUsername: string; now: Date },
): Promise<{ code: string; expiresAt: Date }> {
  const checked = checkBlogUsername(input.blogUsername.trim());
  if ('error' in checked || checked.value === null)
    throw new UserError(`blog_username: ${'error' in checked ? checked.error : 'give your username on the class blog.'}`);
  const studentId = await studentIdByDiscordId(db, input.courseId, input.discordUserId);
  if (!studentId) throw new UserError('You are not on this course’s roster yet. Ask the course staff to add you (/roster add), then run /link again.');
  if (await blogUsernameLinkedElsewhere(db, input.courseId, checked.value, studentId))
    throw new UserError('That blog account is already linked to another student. If it is yours, ask the course staff.');
  const code = newCode();
  const expiresAt = new Date(input.now.getTime() + CLAIM_TTL_MS);
  await inTransaction(db, async (tx) => {
    // A new code replaces any earlier one, so only the latest code the student saw works.
    await expirePendingClaims(tx, studentId);
    await createLinkClaim(tx, { courseId: input.courseId, studentId, blogUsername: checked.value!, codeHash: hashCode(code), expiresAt });
  });
  return { code, expiresAt };
}

export interface ConfirmedLink {
  studentId: string;
  blogUserId: string;
}

/**
 * Called by the blog comment poll with the comments it saw: a comment by a logged-in blog user whose
 * text holds the code of a pending, unexpired claim links that blog user id to the claiming student.
 */
export async function confirmLinkClaims(
  db: Db,
  input: { courseId: string; comments: readonly Pick<BlogComment, 'authorBlogUserId' | 'contentHtml'>[]; now: Date },
): Promise<ConfirmedLink[]> {
  const candidates = new Map<string, string>(); // code hash -> blog user id
  for (const c of input.comments) {
    if (!c.authorBlogUserId) continue; // a guest comment proves nothing about an account
    for (const code of c.contentHtml.toUpperCase().match(CODE_PATTERN) ?? []) candidates.set(hashCode(code), c.authorBlogUserId);
  }
  if (candidates.size === 0) return [];
  const claims = await pendingClaimsWithCodes(db, input.courseId, input.now, [...candidates.keys()]);
  const confirmed: ConfirmedLink[] = [];
  for (const claim of claims) {
    const blogUserId = candidates.get(claim.codeHash)!;
    try {
      await inTransaction(db, async (tx) => {
        if (!(await confirmClaim(tx, claim.id, input.now))) return;
        await setStudentBlogAccount(tx, claim.studentId, blogUserId, claim.blogUsername);
        await enqueueLinkNotice(tx, input.courseId, claim, claim.id, input.now);
        confirmed.push({ studentId: claim.studentId, blogUserId });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // that blog user is linked to someone else: leave the claim pending for staff
    }
  }
  for (const link of confirmed)
    await creditBlogAccount(db, { courseId: input.courseId, studentId: link.studentId, blogUserId: link.blogUserId, now: input.now });
  return confirmed;
}

/**
 * Staff vouch for a link without a code (e.g. the student cannot comment while logged in). The blog account
 * must be known by its id (the command resolves a username on the blog first), so "linked" is never said of a
 * link that credits nothing; what the account already wrote is credited at once.
 */
export async function approveLink(
  db: Db,
  input: { courseId: string; discordUserId: string; blogUsername: string; blogUserId: string; actor: StaffActor; now: Date },
): Promise<CreditedWork> {
  const studentId = await studentIdByDiscordId(db, input.courseId, input.discordUserId);
  if (!studentId)
    throw new UserError(
      'user: that person is not on the roster of this course with this Discord account. Add them with /roster add (user:), or put their Discord user id in the roster CSV and run /roster import again.',
    );
  const checked = checkBlogUsername(input.blogUsername.trim());
  if ('error' in checked || checked.value === null)
    throw new UserError(`blog_username: ${'error' in checked ? checked.error : 'give the student’s username on the class blog.'}`);
  try {
    await inTransaction(db, async (tx) => {
      await setStudentBlogAccount(tx, studentId, input.blogUserId, checked.value!);
      await confirmPendingClaimsOf(tx, studentId, input.now);
      await recordStaffAction(tx, input.courseId, input.actor, {
        action: 'link.approve',
        targetStudentId: studentId,
        details: { blogUsername: checked.value },
      });
      await enqueueLinkNotice(tx, input.courseId, { studentId, blogUsername: checked.value! }, `${studentId}:${input.blogUserId}`, input.now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError('That blog account is already linked to another student on the roster.');
    throw error;
  }
  return creditBlogAccount(db, { courseId: input.courseId, studentId, blogUserId: input.blogUserId, now: input.now });
}

/**
 * Who wrote a blog comment: the student linked to its blog account (by /link, staff, or a verified e-mail
 * the account itself holds: link-by-verified-email.ts), else nobody (listed in reports). The e-mail a
 * comment carries is never used: on a guest comment anyone can type anyone's address.
 */
export async function studentForBlogComment(
  db: Db,
  courseId: string,
  author: { blogUserId: string | null },
): Promise<{ studentId: string; via: 'blog_user' } | null> {
  if (!author.blogUserId) return null;
  const studentId = await studentIdForBlogAccount(db, courseId, author.blogUserId);
  return studentId ? { studentId, via: 'blog_user' } : null;
}
