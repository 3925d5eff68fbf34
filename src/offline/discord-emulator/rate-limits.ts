// Fault injection and per-route buckets. Both answer with Discord's 429 headers, which discord.js
// reads (Retry-After, X-RateLimit-*), so a test can prove the bot waits and retries.
import { createHash } from 'node:crypto';
import type { EmuResponse } from './router.js';

export interface FailNextRule {
  method?: string;
  /** A string matches a route template exactly or any path containing it; a RegExp is tested on the path. */
  routeMatch: RegExp | string;
  status: 429 | 500 | 502 | 503;
  retryAfterSeconds?: number;
  global?: boolean;
  times?: number;
}

interface Bucket {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly faults: (FailNextRule & { left: number })[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly windows = new Map<string, { used: number; resetAt: number }>();

  failNext(rule: FailNextRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  setRouteRateLimit(template: string, bucket: Bucket): void {
    this.buckets.set(template, bucket);
  }

  /** A response to send instead of handling the request, or headers to add to a normal answer. */
  check(method: string, path: string, template: string, majorId: string): { reject?: EmuResponse; headers: Record<string, string> } {
    const fault = this.faults.find((f) => f.left > 0 && (!f.method || f.method === method) && matches(f.routeMatch, path, template));
    if (fault) {
      fault.left -= 1;
      return { reject: faultResponse(fault, template), headers: {} };
    }
    const bucket = this.buckets.get(template);
    if (!bucket) return { headers: {} };
    const key = `${template}|${majorId}`;
    const now = Date.now();
    let win = this.windows.get(key);
    if (!win || win.resetAt <= now) {
      win = { used: 0, resetAt: now + bucket.windowMs };
      this.windows.set(key, win);
    }
    const resetAfter = (win.resetAt - now) / 1000;
    const headers = {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(Math.max(0, bucket.limit - win.used - 1)),
      'x-ratelimit-reset': (win.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': bucketHash(template),
    };
    if (win.used >= bucket.limit) {
      const body = { message: 'You are being rate limited.', retry_after: resetAfter, global: false };
      return {
        reject: { status: 429, body, headers: { ...headers, 'x-ratelimit-remaining': '0', 'retry-after': resetAfter.toFixed(3), 'x-ratelimit-scope': 'user' } },
        headers: {},
      };
    }
    win.used += 1;
    return { headers };
  }
}

function matches(m: RegExp | string, path: string, template: string): boolean {
  return typeof m === 'string' ? template === m || path.includes(m) : m.test(path);
}

function bucketHash(template: string): string {
  return createHash('sha1').update(template).digest('hex').slice(0, 16);
}

function faultResponse(rule: FailNextRule, template: string): EmuResponse {
  if (rule.status !== 429) {
    return { status: rule.status, body: { message: `${rule.status}: Server Error`, code: 0 } };
  }
  const retryAfter = rule.retryAfterSeconds ?? 0.1;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': rule.global ? 'global' : 'user',
  };
  if (rule.global) headers['x-ratelimit-global'] = 'true';
  else {
    Object.assign(headers, {
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': bucketHash(template),
    });
  }
  return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(rule.global) } };
}
