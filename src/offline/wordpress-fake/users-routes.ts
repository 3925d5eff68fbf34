import { userJson, type Context } from './format.js';
import { authCode, paginate, WpFail, type FakeRequest, type FakeResponse } from './http-util.js';
import { hasPublishedPosts, type FakeState } from './state.js';
import { can, type FakeUser } from './types.js';

function visible(state: FakeState, req: FakeRequest, u: FakeUser): boolean {
  return can(req.user, 'list_users') || req.user?.id === u.id || hasPublishedPosts(state, u.id);
}

/** GET users: without list_users only authors of published posts, searched by name fields only. */
export function listUsers(state: FakeState, req: FakeRequest): FakeResponse {
  const q = req.query;
  const ctx: Context = q.get('context') === 'edit' ? 'edit' : 'view';
  if (ctx === 'edit' && !can(req.user, 'list_users'))
    throw new WpFail(authCode(req.user), 'rest_forbidden_context', 'Sorry, you are not allowed to list users.');
  const slugs =
    q
      .get('slug')
      ?.split(',')
      .map((s) => s.trim()) ?? null;
  const search = q.get('search')?.toLowerCase() ?? null;
  const items = state.users.filter((u) => {
    if (!can(req.user, 'list_users') && !hasPublishedPosts(state, u.id)) return false;
    if (slugs && !slugs.includes(u.slug)) return false;
    if (search) {
      const fields = [String(u.id), u.login, u.slug, u.name];
      if (can(req.user, 'list_users')) fields.push(u.email);
      if (!fields.some((f) => f.toLowerCase().includes(search))) return false;
    }
    return true;
  });
  const { page, headers } = paginate(req, items, 'rest_user_invalid_page_number');
  return { status: 200, headers, body: page.map((u) => userJson(req.siteUrl, u, ctx)) };
}

export function getUser(state: FakeState, req: FakeRequest, id: string): FakeResponse {
  let user: FakeUser | undefined;
  if (id === 'me') {
    if (!req.user) throw new WpFail(401, 'rest_not_logged_in', 'You are not currently logged in.');
    user = req.user;
  } else {
    user = state.users.find((u) => String(u.id) === id);
    if (!user) throw new WpFail(404, 'rest_user_invalid_id', 'Invalid user ID.');
  }
  const ctx: Context = req.query.get('context') === 'edit' ? 'edit' : 'view';
  const own = req.user?.id === user.id;
  if (ctx === 'edit' && !own && !can(req.user, 'list_users'))
    throw new WpFail(authCode(req.user), 'rest_forbidden_context', 'Sorry, you are not allowed to edit this user.');
  if (!visible(state, req, user)) throw new WpFail(authCode(req.user), 'rest_user_cannot_view', 'Sorry, you are not allowed to list users.');
  return { status: 200, body: userJson(req.siteUrl, user, ctx) };
}

/** GET /wp-json/ (self-hosted site index, routes left out). */
export function siteIndex(state: FakeState, req: FakeRequest): FakeResponse {
  return {
    status: 200,
    body: {
      name: state.siteName,
      description: '',
      url: req.siteUrl,
      home: req.siteUrl,
      gmt_offset: state.timezone ? 0 : state.gmtOffset,
      timezone_string: state.timezone,
      namespaces: ['oembed/1.0', 'wp/v2'],
      authentication: { 'application-passwords': { endpoints: { authorization: `${req.siteUrl}/wp-admin/authorize-application.php` } } },
      routes: {},
    },
  };
}

/** GET /rest/v1.1/sites/{site} (WordPress.com): the same facts, shaped as that API does. */
export function wpcomSite(state: FakeState, req: FakeRequest, site: string): FakeResponse {
  return {
    status: 200,
    body: { ID: 1000, name: state.siteName, description: '', URL: `https://${site}`, options: { timezone: state.timezone, gmt_offset: state.gmtOffset } },
  };
}
