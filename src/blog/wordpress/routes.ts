// Where the wp/v2 routes live. Self-hosted: {site}/wp-json/wp/v2/...; WordPress.com (and Jetpack
// sites) are reached through the public API, site-scoped: {apiRoot}/wp/v2/sites/{site}/...
// The site's name and time zone come from /wp-json/ on self-hosted sites and from
// {apiRoot}/rest/v1.1/sites/{site} on WordPress.com.

export type WordPressTarget =
  | { flavor: 'self_hosted'; baseUrl: string }
  | { flavor: 'wordpress_com'; site: string; apiRoot: string };

export interface WordPressRoutes {
  flavor: WordPressTarget['flavor'];
  siteInfo(): string;
  v2(path: string): string;
}

export const WORDPRESS_COM_API_ROOT = 'https://public-api.wordpress.com';

const trim = (s: string) => s.replace(/\/+$/, '');

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
    const base = trim(target.baseUrl);
    return {
      flavor: target.flavor,
      siteInfo: () => `${base}/wp-json/`,
      v2: (path) => `${base}/wp-json/wp/v2/${path.replace(/^\//, '')}`,
    };
  }
  const root = trim(target.apiRoot);
  const site = encodeURIComponent(target.site);
  return {
    flavor: target.flavor,
    siteInfo: () => `${root}/rest/v1.1/sites/${site}`,
    v2: (path) => `${root}/wp/v2/sites/${site}/${path.replace(/^\//, '')}`,
  };
}
