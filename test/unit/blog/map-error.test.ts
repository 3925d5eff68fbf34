import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../src/blog/http/backoff.js';
import { errorFromNetwork, errorFromResponse } from '../../../src/blog/http/error-map.js';
import { redactUrl, scrub } from '../../../src/blog/http/redact.js';

const body = (code: string, status: number) => JSON.stringify({ code, message: 'm', data: { status } });

describe('WordPress errors -> BlogError kinds', () => {
  it.each([
    [401, 'rest_not_logged_in', 'auth'],
    [403, 'rest_comment_invalid_status', 'auth'],
    [404, 'rest_post_invalid_id', 'not_found'],
    [410, 'rest_already_trashed', 'not_found'],
    [409, 'comment_duplicate', 'duplicate'],
    [400, 'comment_flood', 'flood'],
    [400, 'rest_invalid_param', 'rejected'],
    [500, 'internal_server_error', 'unavailable'],
    [503, 'x', 'unavailable'],
    [429, 'x', 'unavailable'],
  ])('%i %s -> %s', (status, code, kind) => {
    const e = errorFromResponse(status, body(code, status), 'GET http://blog/x');
    expect(e.kind).toBe(kind);
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
  });

  it('handles a non-JSON error page', () => {
    const e = errorFromResponse(502, '<html>Bad gateway</html>', 'GET http://blog/x');
    expect(e.kind).toBe('unavailable');
    expect(e.code).toBeNull();
  });

  it('maps network failures to unavailable with their code', () => {
    const refused = errorFromNetwork(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'GET x', false);
    expect(refused.kind).toBe('unavailable');
    expect(refused.code).toBe('ECONNREFUSED');
    expect(errorFromNetwork(new Error('aborted'), 'GET x', true).code).toBe('timeout');
  });
});

describe('backoff and redaction', () => {
  it('grows exponentially with bounded jitter', () => {
    const opts = { baseMs: 100, maxMs: 1000, random: () => 0 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts))).toEqual([50, 100, 200, 400, 500, 500]);
    expect(backoffDelay(2, { ...opts, random: () => 0.999 })).toBeLessThanOrEqual(400);
    expect(backoffDelay(2, { ...opts, random: () => 0.999 })).toBeGreaterThan(300);
  });

  it('reads Retry-After seconds, capped', () => {
    expect(retryAfterMs('2', 5000)).toBe(2000);
    expect(retryAfterMs('60', 5000)).toBe(5000);
    expect(retryAfterMs(null, 5000)).toBeNull();
    expect(retryAfterMs('soon', 5000)).toBeNull();
  });

  it('strips userinfo from URLs and secrets from text', () => {
    expect(redactUrl('https://bot:secret@blog.test/wp-json/')).toBe('https://blog.test/wp-json/');
    expect(scrub('token abcd1234 echoed', ['abcd1234'])).toBe('token [redacted] echoed');
  });
});
