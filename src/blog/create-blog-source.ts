// Chooses the adapter for a course's blog settings. Credentials come from config (env), never logs.
import type { BlogKind } from '../core/types.js';
import { BlogError, type BlogSource } from '../ports/blog-source.js';
import { createFeedSource } from './feed/feed-source.js';
import { createGuardedFetch, type BlogNetworkPolicy } from './http/guarded-fetch.js';
import type { HttpClientOptions } from './http/http-client.js';
import type { BlogLogger } from './http/logger.js';
import { createWordPressSource } from './wordpress/wordpress-source.js';

export type BlogCredentials = { kind: 'application_password'; username: string; password: string } | { kind: 'bearer'; token: string } | null;

export interface BlogSettings {
  kind: BlogKind;
  /** Self-hosted: the site's address. WordPress.com: the site's address or domain. Feed: the feed URL. */
  url: string;
  credentials: BlogCredentials;
}

export interface BlogSourceDeps extends BlogNetworkPolicy {
  /** Replaces the guarded network (address checks, redirects, size cap) entirely: unit tests only. */
  fetch?: typeof fetch;
  log?: BlogLogger;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** WordPress.com API root override (tests point it at the fake). */
  wordpressComApiRoot?: string;
  /** Told how every HTTP attempt ended (the blog request metrics of the course this source serves). */
  onAttempt?: HttpClientOptions['onAttempt'];
}

export function createBlogSource(settings: BlogSettings, deps: BlogSourceDeps = {}): BlogSource {
  const common = {
    fetch: deps.fetch ?? createGuardedFetch(deps),
    ...(deps.log && { log: deps.log }),
    ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
    ...(deps.retries !== undefined && { retries: deps.retries }),
    ...(deps.sleep && { sleep: deps.sleep }),
    ...(deps.onAttempt && { onAttempt: deps.onAttempt }),
  };
  switch (settings.kind) {
    case 'feed':
      return createFeedSource({ url: settings.url, ...common });
    case 'wordpress': {
      const c = settings.credentials;
      if (c?.kind !== 'application_password') {
        throw new BlogError('auth', 'a self-hosted WordPress blog needs a username and an application password');
      }
      return createWordPressSource({ baseUrl: settings.url, auth: c, flavor: 'self_hosted', ...common });
    }
    case 'wordpress_com': {
      const c = settings.credentials;
      if (c?.kind !== 'bearer') throw new BlogError('auth', 'a WordPress.com blog needs an OAuth bearer token');
      return createWordPressSource({
        baseUrl: settings.url,
        auth: c,
        flavor: 'wordpress_com',
        ...(deps.wordpressComApiRoot && { apiRoot: deps.wordpressComApiRoot }),
        ...common,
      });
    }
  }
}
