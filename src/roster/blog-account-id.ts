// /link approve names a blog account by username (and optionally its numeric id). Before anything is linked
// the account must be found on the blog, so staff are never told "linked" about a link that credits nothing.
import type { SyncDeps } from '../context.js';
import { UserError } from '../shared/user-error.js';

export async function blogAccountId(ctx: SyncDeps, courseId: string, blogUsername: string, givenId: string | null): Promise<string> {
  const blog = await ctx.blogFor(courseId);
  if (givenId) {
    if (!/^\d+$/.test(givenId.trim()))
      throw new UserError(`blog_user_id must be the account's number (WordPress: Users → edit the user, the user_id= in the address), not "${givenId}".`);
    const byId = await blog.findUser({ id: givenId.trim() });
    if (byId?.username && byId.username.toLowerCase() !== blogUsername.toLowerCase()) {
      throw new UserError(`Blog user ${givenId.trim()} is ${byId.username}, not ${blogUsername}: check blog_username and blog_user_id.`);
    }
    return givenId.trim();
  }
  const user = await blog.findUser({ username: blogUsername });
  if (!user) {
    throw new UserError(
      `No blog account named ${blogUsername} is visible to the bot. Check blog_username; if the spelling is right, the student has not published yet ` +
        '(the blog shows the bot only accounts with a published post): give their number as blog_user_id (WordPress: Users → edit the user, user_id= in the address).',
    );
  }
  return user.blogUserId;
}
