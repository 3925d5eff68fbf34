// A /link code counts wherever the student can comment: on any post or page of the blog, before any essay
// thread exists. So while a claim is pending, the poll reads the blog's comments since that claim was made
// (held ones too where the bot may moderate: a first comment is often held), whatever they are attached to.
import { oldestPendingClaimAt } from '../db/repositories/link-claims.js';
import type { SyncDeps } from '../context.js';
import { confirmLinkClaims, type ConfirmedLink } from './link-claims.js';

export async function confirmPendingClaims(ctx: SyncDeps, courseId: string): Promise<ConfirmedLink[]> {
  const now = ctx.clock.now();
  const oldest = await oldestPendingClaimAt(ctx.db, courseId, now);
  if (!oldest) return [];
  const blog = await ctx.blogFor(courseId);
  const { canModerate } = await blog.verify();
  // A minute of slack: the blog's clock and the bot's may differ a little.
  const comments = await blog.listComments({
    since: new Date(oldest.getTime() - 60_000),
    statuses: canModerate ? ['approved', 'hold'] : ['approved'],
  });
  return confirmLinkClaims(ctx.db, { courseId, comments, now });
}
