// The DNS step the blog client's sockets connect through, with a fake resolver playing names that resolve
// to internal addresses (a rebinding attacker's DNS answers whatever it likes).
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { BlogGuardError } from '../../../src/blog/http/guard-errors.js';
import { guardedLookup, type Resolve } from '../../../src/blog/http/guarded-lookup.js';

const dns =
  (answers: Record<string, LookupAddress[]>): Resolve =>
  (host, _opts, cb) =>
    cb(null, answers[host] ?? []);
const answers = {
  'blog.example.org': [
    { address: '10.0.0.7', family: 4 },
    { address: '93.184.216.34', family: 4 },
    { address: '::1', family: 6 },
  ],
  'internal.example.org': [
    { address: '169.254.169.254', family: 4 },
    { address: 'fd00::1', family: 6 },
  ],
  'blog.campus.example': [{ address: '10.20.0.5', family: 4 }],
};

function resolveWith(allowed: string[], host: string, all: boolean): Promise<{ err: Error | null; address: unknown; family?: number }> {
  return new Promise((done) => guardedLookup(allowed, dns(answers))(host, { all }, (err, address, family) => done({ err, address, family })));
}

describe('the socket connects only to public addresses of a name', () => {
  it('keeps the public address of a name that also resolves to private ones', async () => {
    expect(await resolveWith([], 'blog.example.org', true)).toEqual({ err: null, address: [{ address: '93.184.216.34', family: 4 }], family: undefined });
    expect(await resolveWith([], 'blog.example.org', false)).toEqual({ err: null, address: '93.184.216.34', family: 4 });
  });

  it('refuses a name whose every address is internal', async () => {
    const { err } = await resolveWith([], 'internal.example.org', false);
    expect(err).toBeInstanceOf(BlogGuardError);
    expect((err as BlogGuardError).code).toBe('blocked_address');
  });

  it('lets an operator-allowed campus host resolve to its private address', async () => {
    expect(await resolveWith(['blog.campus.example'], 'blog.campus.example', false)).toEqual({ err: null, address: '10.20.0.5', family: 4 });
  });
});
