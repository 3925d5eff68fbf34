import type { BlogComment, BlogCommentStatus, NewBlogComment } from '../../core/types.js';
import { BlogError, type CommentListing, type CommentQuery } from '../../ports/blog-source.js';
import { parseBody } from '../http/http-client.js';
import type { WpContext } from './context.js';
import { exclusiveAfterParam } from './local-time.js';
import { toBlogComment, wpCommentStatusParam } from './mappers.js';
import { fetchAllPages } from './paginate.js';
import { wpCommentListSchema, wpCommentSchema, wpDeleteCommentSchema } from './schemas.js';

const commentUrl = (ctx: WpContext, id: string) => ctx.routes.v2(`comments/${encodeURIComponent(id)}`);

/** Pages per status listing unless the caller says otherwise: 1,000 pages of 100 comments, far past any class blog. */
const DEFAULT_MAX_PAGES = 1_000;

/**
 * WordPress takes one `status` per request (the value is passed through sanitize_key), so each
 * requested status is its own listing. Held, spam and trashed ones need context=edit (moderators).
 * `complete` is false when any listing stopped at the page cap or shifted while being paged.
 */
export async function listCommentListing(ctx: WpContext, q: CommentQuery): Promise<CommentListing> {
  const statuses: BlogCommentStatus[] = q.statuses?.length ? [...new Set(q.statuses)] : ['approved'];
  const moderated = statuses.some((s) => s !== 'approved');
  const after = q.since ? exclusiveAfterParam(q.since, (await ctx.site()).zone, ctx.afterMarginMs) : null;
  const out = new Map<string, BlogComment>();
  let complete = true;
  for (const status of statuses) {
    const page = await fetchAllPages(ctx.http, {
      url: ctx.routes.v2('comments'),
      schema: wpCommentListSchema,
      perPage: q.perPage ?? 100,
      maxPages: q.maxPages ?? DEFAULT_MAX_PAGES,
      query: {
        post: q.blogPostId,
        status: wpCommentStatusParam(status),
        context: moderated ? 'edit' : undefined,
        after,
        orderby: 'date_gmt',
        order: 'asc',
      },
    });
    for (const c of page.items) out.set(String(c.id), toBlogComment(c));
    if (!page.complete) {
      complete = false;
      ctx.log.warn({ status, listed: page.items.length }, 'blog comment listing incomplete: stopped at the page cap or changed while paging');
    }
  }
  const comments = [...out.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.blogCommentId) - Number(b.blogCommentId));
  return { comments, complete };
}

export async function listComments(ctx: WpContext, q: CommentQuery): Promise<BlogComment[]> {
  return (await listCommentListing(ctx, q)).comments;
}

export async function getComment(ctx: WpContext, id: string): Promise<BlogComment | null> {
  const url = commentUrl(ctx, id);
  try {
    const res = await ctx.http.send({ method: 'GET', url, query: { context: ctx.canModerate ? 'edit' : undefined } });
    return toBlogComment(parseBody(wpCommentSchema, res.json, `GET ${url}`));
  } catch (e) {
    if (e instanceof BlogError && e.kind === 'not_found') return null;
    throw e;
  }
}

/**
 * Writes as a blog user (`author`, moderators only) or as name + email. WordPress answers 409
 * comment_duplicate for a repeat (held ones count) and 400 comment_flood within 15 s for
 * non-moderators; both surface as BlogError kinds for the caller's outbox.
 */
export async function createComment(ctx: WpContext, c: NewBlogComment): Promise<BlogComment> {
  const body: Record<string, unknown> = {
    post: Number(c.blogPostId),
    parent: c.parentBlogCommentId ? Number(c.parentBlogCommentId) : 0,
    content: c.contentHtml,
  };
  if (c.authorBlogUserId) body.author = Number(c.authorBlogUserId);
  else {
    body.author_name = c.authorName;
    body.author_email = c.authorEmail ?? ctx.fallbackAuthorEmail;
  }
  if (c.requestApproved) body.status = 'approved';
  const url = ctx.routes.v2('comments');
  const res = await ctx.http.send({ method: 'POST', url, body });
  return toBlogComment(parseBody(wpCommentSchema, res.json, `POST ${url}`));
}

export async function updateComment(ctx: WpContext, id: string, contentHtml: string): Promise<BlogComment> {
  const url = commentUrl(ctx, id);
  const res = await ctx.http.send({ method: 'POST', url, body: { content: contentHtml } });
  return toBlogComment(parseBody(wpCommentSchema, res.json, `POST ${url}`));
}

/** DELETE without force moves the comment to the trash; trashing it again (410) is not an error. */
export async function trashComment(ctx: WpContext, id: string): Promise<void> {
  const url = commentUrl(ctx, id);
  try {
    const res = await ctx.http.send({ method: 'DELETE', url });
    parseBody(wpDeleteCommentSchema, res.json, `DELETE ${url}`);
  } catch (e) {
    if (e instanceof BlogError && e.status === 410 && e.code === 'rest_already_trashed') return;
    throw e;
  }
}
