import type { BlogUser } from '../../core/types.js';
import { BlogError } from '../../ports/blog-source.js';
import { parseBody } from '../http/http-client.js';
import type { WpContext } from './context.js';
import { toBlogUser } from './mappers.js';
import { wpUserListSchema, wpUserSchema } from './schemas.js';

/**
 * Without list_users WordPress only shows users who have published posts, and searches names but
 * not emails; a user the bot cannot see is reported as null rather than as an error.
 */
export async function findUser(ctx: WpContext, q: { username?: string; email?: string; id?: string }): Promise<BlogUser | null> {
  try {
    if (q.id) return await userById(ctx, q.id);
    const url = ctx.routes.v2('users');
    if (q.username) {
      const wanted = q.username.toLowerCase();
      for (const query of [{ slug: wanted }, { search: q.username }]) {
        const res = await ctx.http.send({ method: 'GET', url, query });
        const users = parseBody(wpUserListSchema, res.json, `GET ${url}`);
        const hit = users.find((u) => u.slug === wanted || u.username?.toLowerCase() === wanted);
        if (hit) return toBlogUser(hit);
      }
      return null;
    }
    if (q.email) {
      const res = await ctx.http.send({ method: 'GET', url, query: { search: q.email } });
      const users = parseBody(wpUserListSchema, res.json, `GET ${url}`);
      return users.length === 1 ? toBlogUser(users[0]!) : null;
    }
    return null;
  } catch (e) {
    if (e instanceof BlogError && (e.kind === 'not_found' || e.code === 'rest_user_cannot_view')) return null;
    throw e;
  }
}

/**
 * Asks in edit context first, which holds the account's e-mail when the bot may list users; an account
 * without that right is refused edit context (rest_user_cannot_view, or rest_forbidden_context) and gets
 * the public view, without e-mail.
 */
async function userById(ctx: WpContext, id: string): Promise<BlogUser | null> {
  const url = ctx.routes.v2(`users/${encodeURIComponent(id)}`);
  try {
    const res = await ctx.http.send({ method: 'GET', url, query: { context: 'edit' } });
    return toBlogUser(parseBody(wpUserSchema, res.json, `GET ${url}`));
  } catch (e) {
    if (!(e instanceof BlogError) || e.kind !== 'auth') throw e;
  }
  const res = await ctx.http.send({ method: 'GET', url });
  return { ...toBlogUser(parseBody(wpUserSchema, res.json, `GET ${url}`)), email: null };
}

/** Reads /users/me in edit context: it lists the account's capabilities. */
export async function readCapabilities(ctx: WpContext): Promise<{ canModerate: boolean; user: BlogUser }> {
  const url = ctx.routes.v2('users/me');
  const res = await ctx.http.send({ method: 'GET', url, query: { context: 'edit' } });
  const me = parseBody(wpUserSchema, res.json, `GET ${url}`);
  return { canModerate: me.capabilities?.moderate_comments === true, user: toBlogUser(me) };
}
