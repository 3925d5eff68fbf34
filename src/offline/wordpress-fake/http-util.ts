import type { IncomingMessage } from 'node:http';
import { parseLocal, type BlogZone } from '../../blog/wordpress/local-time.js';
import type { FakeUser } from './types.js';

export interface FakeRequest {
  method: string;
  /** Route path below the wp/v2 root, e.g. 'posts/4'. */
  route: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The body as bytes, for a media upload (POST /wp/v2/media). */
  raw?: Buffer;
  headers: Record<string, string | string[] | undefined>;
  user: FakeUser | null;
  /** The site's address, used in links. */
  siteUrl: string;
  /** The full URL as requested (for Link headers). */
  url: URL;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Thrown by handlers; the router turns it into WordPress's { code, message, data } body. */
export class WpFail extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
  toResponse(): FakeResponse {
    return { status: this.status, body: { code: this.code, message: this.message, data: { status: this.status, ...this.extra } } };
  }
}

/** rest_authorization_required_code(): 401 when nobody is logged in, 403 otherwise. */
export const authCode = (user: FakeUser | null) => (user ? 403 : 401);

export function invalidParam(name: string, message: string): WpFail {
  return new WpFail(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: message } });
}

export function intParam(q: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidParam(name, `${name} must be between ${min} (inclusive) and ${max} (inclusive)`);
  }
  return n;
}

/** WordPress reads a date without an offset as the blog's local time; one with an offset as given. */
export function dateParam(q: URLSearchParams, name: string, zone: BlogZone): Date | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  const valid = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i.test(raw);
  if (!valid) throw invalidParam(name, `${name} is not a valid date.`);
  return /(Z|[+-]\d{2}:\d{2})$/i.test(raw) ? new Date(raw) : parseLocal(raw, zone);
}

/** Slices one page and sets X-WP-Total / X-WP-TotalPages / Link like WP_REST_*_Controller. */
export function paginate<T>(req: FakeRequest, items: T[], invalidPageCode: string): { page: T[]; headers: Record<string, string> } {
  const perPage = intParam(req.query, 'per_page', 10, 1, 100);
  const page = intParam(req.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const total = items.length;
  const totalPages = Math.ceil(total / perPage);
  if (page > totalPages && total > 0) {
    throw new WpFail(400, invalidPageCode, 'The page number requested is larger than the number of pages available.');
  }
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) };
  const link = (p: number) => {
    const u = new URL(req.url);
    u.searchParams.set('page', String(p));
    return u.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < totalPages) links.push(`<${link(page + 1)}>; rel="next"`);
  if (links.length) headers.Link = links.join(', ');
  return { page: items.slice((page - 1) * perPage, page * perPage), headers };
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function int(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** The `_embed` parameter: present (any value) embeds all; a list embeds only those rels. */
export function embedSet(q: URLSearchParams): Set<string> | null {
  if (!q.has('_embed')) return null;
  const raw = q.get('_embed') ?? '';
  const all = ['author', 'wp:featuredmedia', 'wp:term'];
  if (raw === '' || raw === '1' || raw === 'true') return new Set(all);
  return new Set(raw.split(',').map((s) => s.trim()));
}

/** A request's body as bytes. */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A request's body as WordPress reads it: JSON or a form; anything else is WordPress's own 400. */
export async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBytes(req)).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    throw new WpFail(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  }
}
