// After staff change the roster (/roster import, /roster add): link the blog accounts it names that the bot
// can see now, and say plainly what is still open. A blog that is down leaves it to the next poll.
import { BlogError } from '../ports/blog-source.js';
import type { SyncDeps } from '../context.js';
import { resolveRosterBlogAccounts } from './resolve-blog-accounts.js';

export async function linkRosterAccounts(ctx: SyncDeps, courseId: string): Promise<string> {
  try {
    const blog = await ctx.blogFor(courseId);
    const { linked, unresolved } = await resolveRosterBlogAccounts({ db: ctx.db, log: ctx.log, now: () => ctx.clock.now() }, blog, courseId);
    const parts = [`Blog accounts linked now: ${linked}.`];
    if (unresolved) {
      parts.push(
        `${unresolved} blog username(s) are not visible on the blog yet: the blog shows the bot an account once it has published a post, ` +
          'so each links by itself when that student publishes; a student who only comments can run /link claim. /roster show lists them.',
      );
    }
    return parts.join(' ');
  } catch (error) {
    if (!(error instanceof BlogError)) throw error;
    ctx.log.warn({ courseId, error: error.message }, 'roster accounts not resolved: blog unavailable');
    return 'The blog could not be reached to link blog accounts now; the bot tries again at its next poll.';
  }
}
