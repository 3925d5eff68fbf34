import type { z } from 'zod';
import { BlogError } from '../../ports/blog-source.js';
import { backoffDelay, defaultBackoff, retryAfterMs, type BackoffOptions } from './backoff.js';
import { errorFromNetwork, errorFromResponse } from './error-map.js';
import { silentLogger, type BlogLogger } from './logger.js';
import { redactUrl, scrub } from './redact.js';
import { requestOutcome } from './request-outcome.js';
import type { BlogRequestOutcome } from '../../shared/metrics.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Return the body as text (feeds) instead of parsing JSON. */
  text?: boolean;
  /** A file sent as the body as it is (a media upload), instead of `body` as JSON. */
  raw?: { data: Uint8Array; contentType: string };
  /** Overrides the client's retries: 0 for a write that must not happen twice (the caller reconciles). */
  retries?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body; null for 304, empty bodies and text requests. */
  json: unknown;
  /** The body as received. */
  text: string;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Per attempt, covering every redirect hop and the whole response body (one that trickles forever too). */
  timeoutMs?: number;
  /** Extra attempts after the first, for transient failures only. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  backoff?: Partial<BackoffOptions>;
  log?: BlogLogger;
  /** Full Authorization header value; kept out of every message and log line. */
  authorization: string | null;
  /** Raw secrets (password, token) scrubbed from anything echoed back. */
  secrets?: string[];
  /** Called after every attempt (retries included) with how it ended: the blog request metrics. */
  onAttempt?: (outcome: BlogRequestOutcome) => void;
}

export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
}

const notRetriedNow = new Set(['too_large', 'too_many_redirects']);

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function buildUrl(url: string, query: Record<string, QueryValue> = {}): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) u.searchParams.set(k, String(v));
  return u.toString();
}

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const retries = opts.retries ?? 3;
  const sleep = opts.sleep ?? realSleep;
  const backoff = { ...defaultBackoff, ...opts.backoff };
  const log = opts.log ?? silentLogger;
  const secrets = [...(opts.secrets ?? []), ...(opts.authorization ? [opts.authorization] : [])];

  async function attempt(req: HttpRequest, url: string, what: string): Promise<{ res?: HttpResponse; err?: BlogError; retryAfter?: number | null }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const headers: Record<string, string> = { accept: req.text ? '*/*' : 'application/json', ...req.headers };
      if (opts.authorization) headers.authorization = opts.authorization;
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      if (req.raw) headers['content-type'] = req.raw.contentType;
      const res = await doFetch(url, {
        method: req.method,
        headers,
        body: req.raw ? req.raw.data : req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      });
      const text = await res.text();
      const retryAfter = retryAfterMs(res.headers.get('retry-after'), backoff.maxMs);
      if (res.status === 304) return { res: { status: 304, headers: res.headers, json: null, text } };
      if (res.status >= 400) return { err: errorFromResponse(res.status, scrub(text, secrets), what), retryAfter };
      if (req.text || text.trim() === '') return { res: { status: res.status, headers: res.headers, json: null, text } };
      try {
        return { res: { status: res.status, headers: res.headers, json: JSON.parse(text), text } };
      } catch {
        // PHP notices printed into the body are the usual cause: the server is unhealthy, retry later.
        return { err: new BlogError('unavailable', `${what} -> invalid JSON in HTTP ${res.status} response`, res.status, 'invalid_json') };
      }
    } catch (e) {
      return { err: errorFromNetwork(e, what, timedOut) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async send(req) {
      const url = buildUrl(req.url, req.query);
      const what = `${req.method} ${redactUrl(url)}`;
      for (let n = 0; ; n++) {
        const started = Date.now();
        const { res, err, retryAfter } = await attempt(req, url, what);
        opts.onAttempt?.(requestOutcome(err ?? null));
        if (res) {
          log.debug({ method: req.method, url: redactUrl(url), status: res.status, ms: Date.now() - started }, 'blog request');
          return res;
        }
        const error = err!;
        // Only 'unavailable' is retried here; a flood needs seconds and is left to the caller's outbox. A
        // response over the size cap or a redirect loop would only repeat: it waits for the next poll.
        if (error.kind !== 'unavailable' || n >= (req.retries ?? retries) || notRetriedNow.has(error.code ?? '')) throw error;
        const delay = retryAfter ?? backoffDelay(n, backoff);
        log.warn(
          { method: req.method, url: redactUrl(url), status: error.status, code: error.code, attempt: n + 1, delayMs: delay },
          'blog request failed; retrying',
        );
        await sleep(delay);
      }
    },
  };
}

/** Validates a JSON body; a shape the adapter does not understand counts as an unhealthy server. */
export function parseBody<S extends z.ZodType>(schema: S, json: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
  throw new BlogError('unavailable', `${what}: unexpected response shape (${where})`, null, 'invalid_response');
}
