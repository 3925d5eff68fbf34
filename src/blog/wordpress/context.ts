import type { HttpClient } from '../http/http-client.js';
import type { BlogLogger } from '../http/logger.js';
import type { WordPressRoutes } from './routes.js';
import type { SiteInfo } from './site-info.js';

/** What every wp/v2 operation needs; built once by createWordPressSource. */
export interface WpContext {
  http: HttpClient;
  routes: WordPressRoutes;
  log: BlogLogger;
  /** Subtracted from `since` before it becomes an exclusive `after` (callers de-duplicate by id). */
  afterMarginMs: number;
  /** Used when a relayed comment has a name but no email (WordPress requires both). */
  fallbackAuthorEmail: string;
  /** Site name and time zone, fetched once and cached. */
  site(): Promise<SiteInfo>;
  /** Learned by verify(); null until then. Decides whether context=edit may be asked for. */
  canModerate: boolean | null;
}

/** Embedded links the adapter reads: author name, featured image, categories and tags (WP 5.4+). */
export const POST_EMBED = 'author,wp:featuredmedia,wp:term';
