import { z } from 'zod';
import { BlogError, type BlogMedia, type NewBlogMedia } from '../../ports/blog-source.js';
import { parseBody } from '../http/http-client.js';
import type { WpContext } from './context.js';

const wpMediaSchema = z.object({ id: z.number(), slug: z.string(), source_url: z.string() });
const toBlogMedia = (m: z.infer<typeof wpMediaSchema>): BlogMedia => ({ id: String(m.id), slug: m.slug, url: m.source_url });

/** RFC 6266: a plain ASCII name for old parsers, and the exact UTF-8 name for WordPress (which reads filename*). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Uploads one file as the raw request body named by Content-Disposition (WordPress's documented way for
 * POST /wp/v2/media), with `slug` as a query parameter so the item can be found again. Sent once: a retry
 * of a write whose answer was lost would store the file twice, so the caller looks it up with findMedia first.
 */
export async function uploadMedia(ctx: WpContext, file: NewBlogMedia): Promise<BlogMedia> {
  const url = ctx.routes.v2('media');
  const res = await ctx.http.send({
    method: 'POST',
    url,
    query: { slug: file.slug },
    headers: { 'content-disposition': contentDisposition(file.filename) },
    raw: { data: file.data, contentType: file.contentType || 'application/octet-stream' },
    retries: 0,
  });
  return toBlogMedia(parseBody(wpMediaSchema, res.json, `POST ${url}`));
}

export async function findMedia(ctx: WpContext, slug: string): Promise<BlogMedia | null> {
  const url = ctx.routes.v2('media');
  const res = await ctx.http.send({ method: 'GET', url, query: { slug } });
  const hit = parseBody(z.array(wpMediaSchema), res.json, `GET ${url}`).find((m) => m.slug === slug);
  return hit ? toBlogMedia(hit) : null;
}

/**
 * Deletes an upload and its file for good: media items cannot be trashed, so WordPress wants force=true
 * (without it: 501 rest_trash_not_supported). A 404/410 means an earlier try already deleted it.
 */
export async function deleteMedia(ctx: WpContext, blogMediaId: string): Promise<void> {
  const url = ctx.routes.v2(`media/${encodeURIComponent(blogMediaId)}`);
  try {
    await ctx.http.send({ method: 'DELETE', url, query: { force: 'true' } });
  } catch (error) {
    if (error instanceof BlogError && error.kind === 'not_found') return;
    throw error;
  }
}
