// Serializes the fake's records the way WordPress 6.1 does (field names and value formats copied
// from responses of the real server started by test/e2e/wordpress/start-wordpress.sh).
import { createHash } from 'node:crypto';
import { formatLocal } from '../../blog/wordpress/local-time.js';
import type { FakeState } from './state.js';
import { CAPS, type FakeComment, type FakePost, type FakeUser } from './types.js';

export type Context = 'view' | 'edit';

const gmt = (d: Date) => d.toISOString().slice(0, 19);

/** A tiny wpautop: paragraphs on blank lines, <br /> on single newlines, trailing newline. */
export function autop(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  if (/^<(p|div|h\d|ul|ol|blockquote|figure|pre|table)\b/i.test(t)) return `${t}\n`;
  return t
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/\n/g, '<br />\n')}</p>\n`)
    .join('\n');
}

function avatarUrls(email: string): Record<string, string> {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return Object.fromEntries([24, 48, 96].map((s) => [String(s), `http://2.gravatar.com/avatar/${hash}?s=${s}&d=mm&r=g`]));
}

const datePath = (state: FakeState, d: Date) => formatLocal(d, state.zone).slice(0, 10).replace(/-/g, '/');

export function postLink(state: FakeState, base: string, p: FakePost): string {
  if (p.status !== 'publish' || state.permalinks === 'plain') return `${base}/?p=${p.id}`;
  return state.permalinks === 'numeric' ? `${base}/archives/${p.id}` : `${base}/${datePath(state, p.dateGmt)}/${p.slug}/`;
}

export function userJson(base: string, u: FakeUser, context: Context) {
  const view = {
    id: u.id,
    name: u.name,
    url: '',
    description: '',
    link: `${base}/author/${u.slug}/`,
    slug: u.slug,
    avatar_urls: avatarUrls(u.email),
  };
  if (context === 'view') return view;
  const caps = Object.fromEntries([...CAPS[u.role].filter((c) => !u.withoutCaps?.includes(c)), u.role].map((c) => [c, true]));
  return {
    ...view,
    username: u.login,
    first_name: u.name,
    last_name: '',
    email: u.email,
    nickname: u.login,
    roles: [u.role],
    capabilities: caps,
    extra_capabilities: { [u.role]: true },
  };
}

export function postJson(state: FakeState, base: string, p: FakePost, embed: Set<string> | null) {
  const json: Record<string, unknown> = {
    id: p.id,
    date: formatLocal(p.dateGmt, state.zone),
    date_gmt: gmt(p.dateGmt),
    guid: { rendered: `${base}/?p=${p.id}` },
    modified: formatLocal(p.modifiedGmt, state.zone),
    modified_gmt: gmt(p.modifiedGmt),
    slug: p.slug,
    status: p.status,
    type: 'post',
    link: postLink(state, base, p),
    title: { rendered: p.title },
    content: { rendered: autop(p.content), protected: false },
    excerpt: { rendered: autop(p.excerpt || p.content.replace(/<[^>]+>/g, '').slice(0, 275)), protected: false },
    author: p.authorId,
    featured_media: p.featuredMediaId,
    comment_status: 'open',
    ping_status: 'open',
    sticky: false,
    format: 'standard',
    categories: p.categoryIds,
    tags: p.tagIds,
    _links: { self: [{ href: `${base}/wp-json/wp/v2/posts/${p.id}` }] },
  };
  if (embed) {
    const e: Record<string, unknown> = {};
    const author = state.users.find((u) => u.id === p.authorId);
    if (author && embed.has('author')) e.author = [userJson(base, author, 'view')];
    const media = state.media.find((m) => m.id === p.featuredMediaId);
    if (media && embed.has('wp:featuredmedia'))
      e['wp:featuredmedia'] = [{ id: media.id, media_type: 'image', mime_type: 'image/jpeg', source_url: media.sourceUrl }];
    if (embed.has('wp:term')) {
      const terms = (ids: number[]) =>
        state.terms
          .filter((t) => ids.includes(t.id))
          .map((t) => ({ id: t.id, link: `${base}/?cat=${t.id}`, name: t.name, slug: t.slug, taxonomy: t.taxonomy }));
      e['wp:term'] = [terms(p.categoryIds), terms(p.tagIds)];
    }
    json._embedded = e;
  }
  return json;
}

export function commentJson(state: FakeState, base: string, c: FakeComment, context: Context) {
  const post = state.posts.find((p) => p.id === c.postId);
  const json: Record<string, unknown> = {
    id: c.id,
    post: c.postId,
    parent: c.parentId,
    author: c.userId,
    author_name: c.authorName,
    ...(context === 'edit' && { author_email: c.authorEmail, author_ip: '127.0.0.1', author_user_agent: 'fake' }),
    author_url: '',
    date: formatLocal(c.dateGmt, state.zone),
    date_gmt: gmt(c.dateGmt),
    content: { rendered: autop(c.content), ...(context === 'edit' && { raw: c.content }) },
    link: `${post ? postLink(state, base, post) : `${base}/`}#comment-${c.id}`,
    status: c.status,
    type: 'comment',
    author_avatar_urls: avatarUrls(c.authorEmail),
    meta: [],
    _links: { self: [{ href: `${base}/wp-json/wp/v2/comments/${c.id}` }] },
  };
  return json;
}
