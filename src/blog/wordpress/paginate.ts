import type { z } from 'zod';
import { parseBody, type HttpClient, type QueryValue } from '../http/http-client.js';

export interface PageRequest<S extends z.ZodType<unknown[]>> {
  url: string;
  query: Record<string, QueryValue>;
  schema: S;
  perPage: number;
  maxPages: number;
  /** Sent on the first page only: the validators describe the whole list as the server saw it. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface PagedResult<T> {
  items: T[];
  /**
   * False when the listing may miss items: it stopped at maxPages with pages left, or the blog's count
   * changed between pages (an item removed meanwhile shifts the next one onto a page already read).
   */
  complete: boolean;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
}

/** Follows X-WP-TotalPages (falling back to "a short page is the last") up to maxPages, and says whether it saw everything. */
export async function fetchAllPages<S extends z.ZodType<unknown[]>>(http: HttpClient, req: PageRequest<S>): Promise<PagedResult<z.infer<S>[number]>> {
  const perPage = Math.max(1, Math.min(100, req.perPage));
  const items: z.infer<S>[number][] = [];
  let etag: string | null = null;
  let lastModified: string | null = null;
  let firstTotal: string | null = null;
  let complete = true;
  for (let page = 1; ; page++) {
    if (page > req.maxPages) {
      complete = false; // more pages are left: the caller must not read the listing as all there is
      break;
    }
    const headers: Record<string, string> = {};
    if (page === 1 && req.etag) headers['if-none-match'] = req.etag;
    if (page === 1 && req.lastModified) headers['if-modified-since'] = req.lastModified;
    const res = await http.send({ method: 'GET', url: req.url, query: { ...req.query, per_page: perPage, page }, headers });
    if (page === 1) {
      etag = res.headers.get('etag');
      lastModified = res.headers.get('last-modified');
      if (res.status === 304)
        return { items: [], complete: true, notModified: true, etag: etag ?? req.etag ?? null, lastModified: lastModified ?? req.lastModified ?? null };
      firstTotal = res.headers.get('x-wp-total');
    } else if (res.headers.get('x-wp-total') !== firstTotal) complete = false;
    const batch = parseBody(req.schema, res.json, `GET ${req.url} page ${page}`) as z.infer<S>[number][];
    items.push(...batch);
    const totalPages = Number(res.headers.get('x-wp-totalpages'));
    const last = Number.isFinite(totalPages) && res.headers.has('x-wp-totalpages') ? page >= totalPages : batch.length < perPage;
    if (last || batch.length === 0) break;
  }
  return { items, complete, notModified: false, etag, lastModified };
}
