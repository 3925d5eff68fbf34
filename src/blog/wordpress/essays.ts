import type { Essay } from '../../core/types.js';
import { BlogError, type EssayPage, type EssayQuery } from '../../ports/blog-source.js';
import { parseBody } from '../http/http-client.js';
import { POST_EMBED, type WpContext } from './context.js';
import { exclusiveAfterParam } from './local-time.js';
import { toEssay } from './mappers.js';
import { fetchAllPages } from './paginate.js';
import { wpPostListSchema, wpPostSchema } from './schemas.js';

/** Every status an editor can list, so unpublished and trashed essays can be followed. */
const ALL_STATUSES = 'publish,future,draft,pending,private,trash';

export async function listEssays(ctx: WpContext, q: EssayQuery): Promise<EssayPage> {
  const site = await ctx.site();
  const after = q.since ? exclusiveAfterParam(q.since, site.zone, ctx.afterMarginMs) : null;
  const common = { url: ctx.routes.v2('posts'), schema: wpPostListSchema, perPage: q.perPage ?? 100, maxPages: q.maxPages ?? 50 };
  const run = (status: string, dateParam: 'after' | 'modified_after', conditional: boolean) =>
    fetchAllPages(ctx.http, {
      ...common,
      query: { _embed: POST_EMBED, status, orderby: dateParam === 'after' ? 'date' : 'modified', order: 'asc', [dateParam]: after },
      etag: conditional ? q.etag : null,
      lastModified: conditional ? q.lastModified : null,
    });

  let status = q.includeModified ? ALL_STATUSES : 'publish';
  let primary;
  try {
    primary = await run(status, 'after', true);
  } catch (e) {
    // Without edit_posts WordPress refuses non-public statuses (400 rest_invalid_param / 401): fall back.
    if (!(e instanceof BlogError) || status === 'publish' || !(e.kind === 'auth' || e.code === 'rest_invalid_param')) throw e;
    ctx.log.warn({ code: e.code }, 'blog refused non-public statuses; listing published essays only');
    status = 'publish';
    primary = await run(status, 'after', true);
  }
  const byId = new Map<number, (typeof primary.items)[number]>();
  for (const p of primary.items) byId.set(p.id, p);
  // Edits (and unpublishing) change `modified` but not `date`: a second pass catches them. It runs after a
  // 304 too: the validators describe the listing of new essays, which an edit to an older one leaves unchanged.
  if (q.includeModified && after) {
    const modified = await run(status, 'modified_after', false);
    for (const p of modified.items) byId.set(p.id, p);
  }
  const essays: Essay[] = [...byId.values()].map((p) => toEssay(p, site.zone));
  essays.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || Number(a.blogPostId) - Number(b.blogPostId));
  return { essays, notModified: primary.notModified, etag: primary.etag, lastModified: primary.lastModified };
}

/** A trashed post comes back with status 'trash' (for editors); a deleted one (404/410) is null. */
export async function getEssay(ctx: WpContext, blogPostId: string): Promise<Essay | null> {
  const site = await ctx.site();
  const url = ctx.routes.v2(`posts/${encodeURIComponent(blogPostId)}`);
  try {
    const res = await ctx.http.send({ method: 'GET', url, query: { _embed: POST_EMBED } });
    return toEssay(parseBody(wpPostSchema, res.json, `GET ${url}`), site.zone);
  } catch (e) {
    if (e instanceof BlogError && e.kind === 'not_found') return null;
    throw e;
  }
}
