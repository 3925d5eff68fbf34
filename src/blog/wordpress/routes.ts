// Where the wp/v2 routes live. Self-hosted: {site}/wp-json/wp/v2/...; WordPress.com (and Jetpack
// sites) are reached through the public API, site-scoped: {apiRoot}/wp/v2/sites/{site}/...
// The site's name and time zone come from /wp-json/ on self-hosted sites and from
// {apiRoot}/rest/v1.1/sites/{site} on WordPress.com.

import { BlogError } from '../../ports/blog-source.js';

export type WordPressTarget = { flavor: 'self_hosted'; baseUrl: string } | { flavor: 'wordpress_com'; site: string; apiRoot: string };

export interface WordPressRoutes {
  flavor: WordPressTarget['flavor'];
  siteInfo(): string;
  v2(path: string): string;
}

export const WORDPRESS_COM_API_ROOT = 'https://public-api.wordpress.com';

const trim = (s: string) => s.replace(/\/+$/, '');

/**
 * The site's address as a base for routes: no query, fragment or user info, so a blog URL such as
 * `http://host/admin?x=` cannot turn `/wp-json/...` into a query value and pick the path itself.
 */
function siteBase(url: string): URL {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new BlogError('rejected', 'blog_url is not a valid web address', null, 'invalid_url');
  }
  base.search = '';
  base.hash = '';
  base.username = '';
  base.password = '';
  return base;
}

/** `path` (already percent-encoded by the caller) appended to the base's path, as path segments only. */
function under(base: URL, path: string): string {
  const u = new URL(base.href);
  u.pathname = `${trim(base.pathname)}/${path.replace(/^\//, '')}`;
  return u.toString();
}

/** 'https://example.wordpress.com/blog' -> 'example.wordpress.com'; a bare domain or id is kept. */
export function wordpressComSite(urlOrSite: string): string {
  try {
    return new URL(urlOrSite).host;
  } catch {
    return urlOrSite.replace(/\/+$/, '');
  }
}

export function wordpressRoutes(target: WordPressTarget): WordPressRoutes {
  if (target.flavor === 'self_hosted') {
    const base = siteBase(target.baseUrl);
    return {
      flavor: target.flavor,
      siteInfo: () => under(base, 'wp-json/'),
      v2: (path) => under(base, `wp-json/wp/v2/${path.replace(/^\//, '')}`),
    };
  }
  const root = siteBase(target.apiRoot);
  const site = encodeURIComponent(target.site);
  return {
    flavor: target.flavor,
    siteInfo: () => under(root, `rest/v1.1/sites/${site}`),
    v2: (path) => under(root, `wp/v2/sites/${site}/${path.replace(/^\//, '')}`),
  };
}
