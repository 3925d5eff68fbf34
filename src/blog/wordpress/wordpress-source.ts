import type { BlogSource } from '../../ports/blog-source.js';
import { createHttpClient, type HttpClientOptions } from '../http/http-client.js';
import { silentLogger, type BlogLogger } from '../http/logger.js';
import { createComment, getComment, listCommentListing, listComments, trashComment, updateComment } from './comments.js';
import type { WpContext } from './context.js';
import { getEssay, listEssays } from './essays.js';
import { deleteMedia, findMedia, uploadMedia } from './media.js';
import { WORDPRESS_COM_API_ROOT, wordpressComSite, wordpressRoutes, type WordPressTarget } from './routes.js';
import { fetchSiteInfo, type SiteInfo } from './site-info.js';
import { findUser, readCapabilities } from './users.js';

export type WordPressAuth = { kind: 'application_password'; username: string; password: string } | { kind: 'bearer'; token: string };

export interface WordPressSourceOptions {
  /** The blog's address (self-hosted), or the WordPress.com site's address / domain / id. */
  baseUrl: string;
  auth: WordPressAuth;
  /** Defaults to WordPress.com for bearer tokens, self-hosted for application passwords. */
  flavor?: WordPressTarget['flavor'];
  /** WordPress.com public API root; tests point it at the fake. */
  apiRoot?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: BlogLogger;
  /** Overlap for exclusive `after` queries (default 2 minutes). */
  afterMarginMs?: number;
  fallbackAuthorEmail?: string;
  onAttempt?: HttpClientOptions['onAttempt'];
}

function authorization(auth: WordPressAuth): { header: string; secrets: string[] } {
  if (auth.kind === 'bearer') return { header: `Bearer ${auth.token}`, secrets: [auth.token] };
  // WordPress strips the spaces it shows application passwords with; either form works.
  const basic = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
  return { header: `Basic ${basic}`, secrets: [auth.password, auth.password.replace(/\s+/g, ''), basic] };
}

export function createWordPressSource(opts: WordPressSourceOptions): BlogSource {
  const flavor = opts.flavor ?? (opts.auth.kind === 'bearer' ? 'wordpress_com' : 'self_hosted');
  const target: WordPressTarget =
    flavor === 'self_hosted'
      ? { flavor, baseUrl: opts.baseUrl }
      : { flavor, site: wordpressComSite(opts.baseUrl), apiRoot: opts.apiRoot ?? WORDPRESS_COM_API_ROOT };
  const auth = authorization(opts.auth);
  const log = opts.log ?? silentLogger;
  const httpOpts: HttpClientOptions = {
    authorization: auth.header,
    secrets: auth.secrets,
    log,
    ...(opts.fetch && { fetch: opts.fetch }),
    ...(opts.timeoutMs !== undefined && { timeoutMs: opts.timeoutMs }),
    ...(opts.retries !== undefined && { retries: opts.retries }),
    ...(opts.sleep && { sleep: opts.sleep }),
    ...(opts.random && { backoff: { random: opts.random } }),
    ...(opts.onAttempt && { onAttempt: opts.onAttempt }),
  };
  const http = createHttpClient(httpOpts);
  let siteCache: Promise<SiteInfo> | null = null;
  const ctx: WpContext = {
    http,
    routes: wordpressRoutes(target),
    log,
    afterMarginMs: opts.afterMarginMs ?? 120_000,
    fallbackAuthorEmail: opts.fallbackAuthorEmail ?? 'discord-relay@coursethreads.invalid',
    canModerate: null,
    site() {
      // A failed lookup is not cached, so the next call tries again.
      siteCache ??= fetchSiteInfo(http, ctx.routes).catch((e: unknown) => {
        siteCache = null;
        throw e;
      });
      return siteCache;
    },
  };

  return {
    async verify() {
      siteCache = null;
      const site = await ctx.site();
      const { canModerate } = await readCapabilities(ctx);
      ctx.canModerate = canModerate;
      return { siteName: site.name, canModerate, timeZone: site.timeZone };
    },
    listEssays: (q) => listEssays(ctx, q),
    getEssay: (id) => getEssay(ctx, id),
    listComments: (q) => listComments(ctx, q),
    listCommentListing: (q) => listCommentListing(ctx, q),
    getComment: (id) => getComment(ctx, id),
    createComment: (c) => createComment(ctx, c),
    updateComment: (id, html) => updateComment(ctx, id, html),
    trashComment: (id) => trashComment(ctx, id),
    findUser: (q) => findUser(ctx, q),
    uploadMedia: (file) => uploadMedia(ctx, file),
    findMedia: (slug) => findMedia(ctx, slug),
    deleteMedia: (id) => deleteMedia(ctx, id),
  };
}
