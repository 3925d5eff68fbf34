// The blog client against servers started here on 127.0.0.1 that play a hostile or broken blog: SSRF through
// the blog URL or a redirect, bodies too large to hold (a gzip bomb, a 300 MB Content-Length, a long stream),
// a body that never ends, and error pages that would leak an internal service's text.
import { afterEach, describe, expect, it } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { createBlogSource, type BlogSourceDeps } from '../../../src/blog/create-blog-source.js';
import { answerJson, gzipBomb, hugeContentLength, longStream, neverEndingBody, redirectTo, startServer, type TestServer } from './hostile-servers.js';

const MiB = 1024 * 1024;
const credentials = { kind: 'application_password' as const, username: 'discord-bot', password: 'abcd efgh ijkl mnop' };
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function blog(url: string, deps: BlogSourceDeps = {}) {
  return createBlogSource({ kind: 'wordpress', url, credentials }, { retries: 0, timeoutMs: 5_000, sleep: async () => undefined, ...deps });
}

async function failure(p: Promise<unknown>): Promise<BlogError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BlogError);
  return e as BlogError;
}

describe('a blog URL or redirect that points at the bot’s own network', () => {
  it('a blog on localhost is refused before any request reaches it', async () => {
    const internal = await server(answerJson(200, { name: 'internal admin' }));
    const e = await failure(blog(`http://localhost:${internal.port}`).verify());
    expect(e).toMatchObject({ kind: 'rejected', code: 'blocked_address' });
    expect(internal.hits).toEqual([]);
  });

  it('[::1], the IPv4-mapped [::ffff:127.0.0.1] and numeric spellings of 127.0.0.1 are refused the same way', async () => {
    const internal = await server(answerJson(200, { name: 'internal admin' }));
    for (const host of ['[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '2130706433', '0x7f.1', '127.1']) {
      const e = await failure(blog(`http://${host}:${internal.port}`).verify());
      expect(e, host).toMatchObject({ kind: 'rejected', code: 'blocked_address' });
    }
    expect(internal.hits).toEqual([]);
  });

  it('a redirect from an allowed host to 127.0.0.1 is refused, and the internal service never sees a request', async () => {
    const internal = await server(answerJson(200, { name: 'internal admin' }));
    const front = await server(redirectTo(`${internal.url}/latest/meta-data/`));
    const e = await failure(blog(`http://localhost:${front.port}`, { allowedHosts: ['localhost'] }).verify());
    expect(e).toMatchObject({ kind: 'rejected', code: 'blocked_address' });
    expect(front.hits).toHaveLength(1);
    expect(internal.hits).toEqual([]);
  });

  it('a redirect to another host never carries the blog password', async () => {
    const other = await server(answerJson(404, { code: 'rest_no_route' }));
    const front = await server(redirectTo(`${other.url}/wp-json/`));
    await failure(blog(`http://localhost:${front.port}`, { allowedHosts: ['localhost', '127.0.0.1'] }).verify());
    expect(front.hits[0]!.authorization).toMatch(/^Basic /);
    expect(other.hits).toHaveLength(1);
    expect(other.hits[0]!.authorization).toBeUndefined();
  });

  it('a redirect loop stops after a few hops', async () => {
    const loop = await server((req, res) => void res.writeHead(302, { location: `${req.url}x` }).end());
    const e = await failure(blog(loop.url, { allowedHosts: ['127.0.0.1'] }).verify());
    expect(e.code).toBe('too_many_redirects');
    expect(loop.hits.length).toBeLessThanOrEqual(6);
  });

  it('a query string in the blog URL cannot choose the path the bot requests', async () => {
    const site = await server(answerJson(404, { code: 'rest_no_route' }));
    await failure(blog(`${site.url}/internal/admin?x=#frag`, { allowedHosts: ['127.0.0.1'] }).verify());
    expect(site.hits.length).toBeGreaterThan(0);
    for (const hit of site.hits) expect(new URL(hit.path, site.url).pathname).toMatch(/^\/internal\/admin\/wp-json\//);
  });
});

describe('a blog that answers too much or never finishes', () => {
  const allowed = { allowedHosts: ['127.0.0.1'], maxResponseBytes: 1 * MiB };

  it('a gzip bomb is cut off at the response cap, counted after decompression, and not fetched again', async () => {
    const bomb = await server(gzipBomb(64 * MiB));
    const e = await failure(blog(bomb.url, { ...allowed, retries: 2 }).verify());
    expect(e).toMatchObject({ kind: 'unavailable', code: 'too_large' });
    expect(e.message).toContain('1 MiB');
    expect(bomb.hits).toHaveLength(1);
    // The read-only feed adapter goes through the same client.
    const feed = createBlogSource({ kind: 'feed', url: `${bomb.url}/feed/`, credentials: null }, { ...allowed, retries: 0 });
    expect(await failure(feed.verify())).toMatchObject({ code: 'too_large' });
  });

  it('a 300 MB Content-Length is refused without waiting for the body', async () => {
    const huge = await server(hugeContentLength);
    const e = await failure(blog(huge.url, allowed).verify());
    expect(e).toMatchObject({ kind: 'unavailable', code: 'too_large' });
  });

  it('a long stream without a Content-Length is cut off at the cap', async () => {
    const stream = await server(longStream(32 * MiB));
    const e = await failure(blog(stream.url, allowed).verify());
    expect(e).toMatchObject({ kind: 'unavailable', code: 'too_large' });
    expect(stream.sent.finished).toBe(false);
    expect(stream.sent.bytes).toBeLessThan(32 * MiB);
  });

  it('a body that never ends is abandoned at the request deadline', async () => {
    const endless = await server(neverEndingBody);
    const e = await failure(blog(endless.url, { ...allowed, timeoutMs: 300 }).verify());
    expect(e).toMatchObject({ kind: 'unavailable', code: 'timeout' });
  });
});

describe('what a blog’s error page can make the bot say', () => {
  it('the text of an error response is never echoed, only its status and code', async () => {
    const leaky = await server(answerJson(400, { code: 'rest_invalid_param', message: 'DB_PASSWORD=hunter2 in /srv/internal/wp-config.php' }));
    const e = await failure(blog(leaky.url, { allowedHosts: ['127.0.0.1'] }).verify());
    expect(e).toMatchObject({ kind: 'rejected', status: 400, code: 'rest_invalid_param' });
    expect(e.message).not.toContain('hunter2');
    expect(e.message).not.toContain('/srv/internal');
  });

  it('an error code that is not a WordPress identifier is not echoed either', async () => {
    const leaky = await server(answerJson(400, { code: '<b>internal service v1.2 at 10.0.0.7</b>' }));
    const e = await failure(blog(leaky.url, { allowedHosts: ['127.0.0.1'] }).verify());
    expect(e.message).not.toContain('10.0.0.7');
    expect(e.code).toBeNull();
  });
});
