import { createComment } from './comment-create.js';
import { deleteComment, getComment, listComments, updateComment } from './comments-routes.js';
import { WpFail, type FakeRequest, type FakeResponse } from './http-util.js';
import { deleteMedia, getMedia, listMedia, uploadMedia } from './media-routes.js';
import { createPost, deletePost, getPost, listPosts, updatePost } from './posts-routes.js';
import type { FakeState } from './state.js';
import { getUser, listUsers, siteIndex, wpcomSite } from './users-routes.js';

/** Where a request path lands: the site index, a wp/v2 route (self-hosted or WordPress.com), or nothing. */
export function classify(pathname: string): { kind: 'index' } | { kind: 'wpcom_site'; site: string } | { kind: 'v2'; route: string } | null {
  if (pathname === '/wp-json' || pathname === '/wp-json/') return { kind: 'index' };
  let m = /^\/wp-json\/wp\/v2\/(.*?)\/?$/.exec(pathname);
  if (m) return { kind: 'v2', route: m[1]! };
  m = /^\/rest\/v1\.1\/sites\/([^/]+)\/?$/.exec(pathname);
  if (m) return { kind: 'wpcom_site', site: decodeURIComponent(m[1]!) };
  m = /^\/wp\/v2\/sites\/[^/]+\/(.*?)\/?$/.exec(pathname);
  if (m) return { kind: 'v2', route: m[1]! };
  return null;
}

export function route(state: FakeState, req: FakeRequest): FakeResponse {
  const target = classify(req.url.pathname);
  const m = req.method;
  const write = m === 'POST' || m === 'PUT' || m === 'PATCH';
  if (target?.kind === 'index' && m === 'GET') return siteIndex(state, req);
  if (target?.kind === 'wpcom_site' && m === 'GET') return wpcomSite(state, req, target.site);
  if (target?.kind === 'v2') {
    const [collection, id, extra] = target.route.split('/');
    if (extra === undefined) {
      if (collection === 'posts' && !id && m === 'GET') return listPosts(state, req);
      if (collection === 'posts' && !id && m === 'POST') return createPost(state, req);
      if (collection === 'posts' && id && m === 'GET') return getPost(state, req, id);
      if (collection === 'posts' && id && write) return updatePost(state, req, id);
      if (collection === 'posts' && id && m === 'DELETE') return deletePost(state, req, id);
      if (collection === 'comments' && !id && m === 'GET') return listComments(state, req);
      if (collection === 'comments' && !id && m === 'POST') return createComment(state, req);
      if (collection === 'comments' && id && m === 'GET') return getComment(state, req, id);
      if (collection === 'comments' && id && write) return updateComment(state, req, id);
      if (collection === 'comments' && id && m === 'DELETE') return deleteComment(state, req, id);
      if (collection === 'media' && !id && m === 'POST') return uploadMedia(state, req);
      if (collection === 'media' && !id && m === 'GET') return listMedia(state, req);
      if (collection === 'media' && id && m === 'GET') return getMedia(state, req, id);
      if (collection === 'media' && id && m === 'DELETE') return deleteMedia(state, req, id);
      if (collection === 'users' && !id && m === 'GET') return listUsers(state, req);
      if (collection === 'users' && id && m === 'GET') return getUser(state, req, id);
    }
  }
  throw new WpFail(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}
