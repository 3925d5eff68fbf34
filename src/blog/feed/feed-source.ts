import type { BlogSource, EssayPage } from '../../ports/blog-source.js';
import { BlogError } from '../../ports/blog-source.js';
import { createHttpClient, type HttpClientOptions } from '../http/http-client.js';
import { silentLogger, type BlogLogger } from '../http/logger.js';
import type { ParsedFeed } from './parse-feed.js';

export interface FeedSourceOptions {
  url: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: BlogLogger;
  onAttempt?: HttpClientOptions['onAttempt'];
}

const readOnly = (what: string) => () => Promise.reject(new BlogError('unsupported', `an RSS/Atom feed is read-only: cannot ${what}`));

/**
 * A read-only BlogSource over an RSS or Atom feed: essays only (a feed holds the latest posts, so
 * `since` filters what it has), no comments, no users. Conditional requests use the feed's
 * ETag / Last-Modified, which WordPress and most hosts send for feeds.
 */
export function createFeedSource(opts: FeedSourceOptions): BlogSource {
  const http = createHttpClient({
    authorization: null,
    log: opts.log ?? silentLogger,
    ...(opts.fetch && { fetch: opts.fetch }),
    ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
    ...(opts.retries !== undefined && { retries: opts.retries }),
    ...(opts.sleep && { sleep: opts.sleep }),
    ...(opts.onAttempt && { onAttempt: opts.onAttempt }),
  });

  async function load(headers: Record<string, string> = {}): Promise<{ feed: ParsedFeed | null; etag: string | null; lastModified: string | null }> {
    const res = await http.send({ method: 'GET', url: opts.url, headers, text: true });
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (res.status === 304) return { feed: null, etag, lastModified };
    // The XML parser loads with the first feed read, not at start-up: most courses' blogs are WordPress (issue 14).
    const { parseFeed } = await import('./parse-feed.js');
    try {
      return { feed: parseFeed(res.text), etag, lastModified };
    } catch (e) {
      throw new BlogError('unavailable', `GET ${opts.url}: ${(e as Error).message}`, res.status, 'invalid_feed');
    }
  }

  return {
    async verify() {
      const { feed } = await load();
      return { siteName: feed?.title ?? '', canModerate: false, timeZone: null };
    },
    async listEssays(q): Promise<EssayPage> {
      const headers: Record<string, string> = {};
      if (q.etag) headers['if-none-match'] = q.etag;
      if (q.lastModified) headers['if-modified-since'] = q.lastModified;
      const { feed, etag, lastModified } = await load(headers);
      if (!feed) return { essays: [], notModified: true, etag: etag ?? q.etag ?? null, lastModified: lastModified ?? q.lastModified ?? null };
      const since = q.since?.getTime() ?? -Infinity;
      const essays = feed.essays
        .filter((e) => e.publishedAt.getTime() >= since || (q.includeModified && e.modifiedAt.getTime() >= since))
        .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
      return { essays, notModified: false, etag, lastModified };
    },
    async getEssay(id) {
      const { feed } = await load();
      return feed?.essays.find((e) => e.blogPostId === id) ?? null;
    },
    listComments: async () => [],
    listCommentListing: async () => ({ comments: [], complete: true }),
    getComment: async () => null,
    createComment: readOnly('create comments'),
    updateComment: readOnly('update comments'),
    trashComment: readOnly('trash comments'),
    findUser: async () => null,
  };
}
