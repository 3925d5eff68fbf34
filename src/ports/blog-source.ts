import type { BlogComment, BlogUser, Essay, NewBlogComment } from '../core/types.js';

/**
 * The port every blog adapter implements. Errors are BlogError so callers can decide between
 * retrying (transient) and telling staff (auth, not found).
 */
export interface BlogSource {
  /** Checks the connection and credentials; resolves with the site's name and whether the bot may moderate. */
  verify(): Promise<{ siteName: string; canModerate: boolean; timeZone: string | null }>;
  /**
   * Published posts modified or published at or after `since` (inclusive: adapters overlap the
   * source's exclusive `after` and the caller de-duplicates by id). Follows pagination.
   * `etag` / `lastModified` enable conditional requests; `notModified` is true on a 304.
   */
  listEssays(query: EssayQuery): Promise<EssayPage>;
  getEssay(blogPostId: string): Promise<Essay | null>;
  listComments(query: CommentQuery): Promise<BlogComment[]>;
  /** The same listing, saying whether it is all there is (only a complete one may prove a comment gone). */
  listCommentListing(query: CommentQuery): Promise<CommentListing>;
  getComment(blogCommentId: string): Promise<BlogComment | null>;
  /** Read-only sources (RSS/Atom) reject these with BlogError kind 'unsupported'. */
  createComment(comment: NewBlogComment): Promise<BlogComment>;
  updateComment(blogCommentId: string, contentHtml: string): Promise<BlogComment>;
  trashComment(blogCommentId: string): Promise<void>;
  findUser(query: { username?: string; email?: string; id?: string }): Promise<BlogUser | null>;
  /**
   * Puts a file in the blog's media library (WordPress: POST /wp/v2/media, needs upload_files: a BlogError
   * 'auth' otherwise). Absent where the source has no media library (feeds).
   */
  uploadMedia?(file: NewBlogMedia): Promise<BlogMedia>;
  /** The media item uploaded earlier under this slug, if any: how an interrupted upload is found, not repeated. */
  findMedia?(slug: string): Promise<BlogMedia | null>;
  /**
   * Deletes a media item and its file for good (WordPress: DELETE /wp/v2/media/<id>?force=true). An item already
   * gone resolves too, so a retry after a lost answer is harmless. Absent where uploadMedia is.
   */
  deleteMedia?(blogMediaId: string): Promise<void>;
}

export interface NewBlogMedia {
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** Stable per file (e.g. per Discord attachment), so a retry can look the upload up. */
  slug: string;
}

export interface BlogMedia {
  id: string;
  slug: string;
  /** Where the blog serves the file. */
  url: string;
}

export interface EssayQuery {
  since: Date | null;
  /** Include posts whose status is no longer 'publish' (for following unpublish/delete). */
  includeModified?: boolean;
  etag?: string | null;
  lastModified?: string | null;
  perPage?: number;
  maxPages?: number;
}

export interface EssayPage {
  essays: Essay[];
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
}

export interface CommentQuery {
  blogPostId?: string;
  since?: Date | null;
  /** Moderators may also list held / spam / trash comments. */
  statuses?: Array<'approved' | 'hold' | 'spam' | 'trash'>;
  /** Paging of each status listing; the defaults see 100,000 comments per status. */
  perPage?: number;
  maxPages?: number;
}

export interface CommentListing {
  comments: BlogComment[];
  /** False when a listing stopped at maxPages or changed while paged: comments may be missing from it. */
  complete: boolean;
}

export type BlogErrorKind =
  | 'auth' // 401/403: credentials wrong or role too weak
  | 'not_found'
  | 'duplicate' // WordPress 409 comment_duplicate
  | 'flood' // WordPress 400 comment_flood
  | 'rejected' // other 4xx: the request itself is wrong
  | 'unavailable' // 5xx, timeouts, connection refused, bad JSON: retry later
  | 'unsupported'; // the source cannot do this (read-only feed)

export class BlogError extends Error {
  constructor(
    readonly kind: BlogErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'BlogError';
  }

  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'flood';
  }
}
