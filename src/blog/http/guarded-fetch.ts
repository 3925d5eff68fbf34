import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { isAllowedHost, isPublicAddress } from './address-policy.js';
import { capResponse } from './capped-body.js';
import { BlogGuardError } from './guard-errors.js';
import { blockedAddress, guardedLookup, type Resolve } from './guarded-lookup.js';

export interface BlogNetworkPolicy {
  /** Hosts the operator allows even on private addresses (BLOG_ALLOWED_HOSTS): an on-campus blog. */
  allowedHosts?: readonly string[];
  /** Largest response body, counted after decompression (BLOG_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** DNS resolution (tests pass a fake one to play a name that resolves to an internal address). */
  resolve?: Resolve;
}

export const defaultMaxResponseBytes = 10 * 1024 * 1024;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Every hop: http(s) only, and a literal IP (which skips DNS, so the lookup never sees it) must be public. */
function checkHop(url: URL, allowedHosts: readonly string[]): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlogGuardError('unsupported_scheme', `${url.protocol} addresses are not blogs; use http:// or https://`);
  if (isAllowedHost(url.hostname, allowedHosts)) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) throw blockedAddress(url.hostname);
}

/** Credentials go on to the same host only (an upgrade from http to https included), never elsewhere. */
function keepsCredentials(from: URL, to: URL): boolean {
  if (from.hostname !== to.hostname) return false;
  if (from.protocol === to.protocol) return from.port === to.port;
  return from.protocol === 'http:' && to.protocol === 'https:' && to.port === '';
}

/**
 * A fetch for blog requests: connects only to public addresses (checked on the resolved address), follows
 * redirects itself so each hop is checked too, and caps every response body. Same signature as fetch, so
 * the HTTP client and its tests stay unaware of it; its timeout signal covers every hop and the body.
 */
export function createGuardedFetch(policy: BlogNetworkPolicy = {}): typeof fetch {
  const allowedHosts = policy.allowedHosts ?? [];
  const maxBytes = policy.maxResponseBytes ?? defaultMaxResponseBytes;
  const maxRedirects = policy.maxRedirects ?? 5;
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(allowedHosts, policy.resolve) } });

  async function guardedFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    if (input instanceof Request) throw new TypeError('the blog client sends URLs, not Request objects');
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const headers = new Headers(init.headers);
    for (let hop = 0; ; hop++) {
      checkHop(url, allowedHosts);
      const res = await undiciFetch(url, {
        method,
        headers: Object.fromEntries(headers),
        body: body as string | undefined,
        signal: init.signal ?? null,
        redirect: 'manual',
        dispatcher,
      });
      const location = redirectStatuses.has(res.status) ? res.headers.get('location') : null;
      if (location === null) return capResponse(res, maxBytes);
      await res.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects) throw new BlogGuardError('too_many_redirects', `more than ${maxRedirects} redirects`);
      const next = new URL(location, url);
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
      if (!keepsCredentials(url, next)) {
        headers.delete('authorization');
        headers.delete('cookie');
      }
      url = next;
    }
  }
  return guardedFetch;
}
