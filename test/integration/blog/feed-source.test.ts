// The read-only RSS/Atom source against a small feed served on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlogError } from '../../../src/ports/blog-source.js';
import { createBlogSource } from '../../../src/blog/create-blog-source.js';

const item = (id: number, day: number) => `<item><title>Essay ${id}</title><link>https://blog.test/?p=${id}</link>
<dc:creator>Student ${id}</dc:creator><pubDate>${new Date(Date.UTC(2024, 2, day, 12)).toUTCString()}</pubDate>
<guid isPermaLink="false">https://blog.test/?p=${id}</guid><content:encoded><![CDATA[<p>Body ${id} “quoted”</p>]]></content:encoded></item>`;
const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Feed Blog</title>${item(3, 3)}${item(2, 2)}${item(1, 1)}</channel></rss>`;
const etag = '"feed-v1"';

let server: Server;
let url: string;
let hits = 0;
let broken = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (broken) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Sun, 03 Mar 2024 12:00:00 GMT' }).end(feed);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const source = () => createBlogSource({ kind: 'feed', url, credentials: null }, { retries: 0, allowedHosts: ['127.0.0.1'] });

describe('feed source', () => {
  it('verifies with the feed title and no moderation', async () => {
    expect(await source().verify()).toEqual({ siteName: 'Feed Blog', canModerate: false, timeZone: null });
  });

  it('lists essays since a date (inclusive), oldest first', async () => {
    const page = await source().listEssays({ since: new Date(Date.UTC(2024, 2, 2, 12)) });
    expect(page.essays.map((e) => e.title)).toEqual(['Essay 2', 'Essay 3']);
    expect(page.essays[0]).toMatchObject({ authorName: 'Student 2', contentHtml: '<p>Body 2 “quoted”</p>', url: 'https://blog.test/?p=2' });
    expect(page.etag).toBe(etag);
  });

  it('sends the ETag back and reports notModified on 304', async () => {
    const before = hits;
    const page = await source().listEssays({ since: null, etag });
    expect(page).toMatchObject({ notModified: true, essays: [], etag });
    expect(hits).toBe(before + 1);
  });

  it('finds one essay by id, or null', async () => {
    expect((await source().getEssay('https://blog.test/?p=1'))?.title).toBe('Essay 1');
    expect(await source().getEssay('https://blog.test/?p=99')).toBeNull();
  });

  it('has no comments or users, and refuses writes with kind unsupported', async () => {
    const s = source();
    expect(await s.listComments({ blogPostId: 'https://blog.test/?p=1' })).toEqual([]);
    expect(await s.findUser({ username: 'x' })).toBeNull();
    for (const p of [
      s.createComment({
        blogPostId: '1',
        parentBlogCommentId: null,
        contentHtml: 'x',
        authorBlogUserId: null,
        authorName: 'a',
        authorEmail: null,
        requestApproved: false,
      }),
      s.updateComment('1', 'x'),
      s.trashComment('1'),
    ]) {
      await expect(p).rejects.toMatchObject({ name: 'BlogError', kind: 'unsupported' });
    }
  });

  it('reports a page that is not a feed as unavailable', async () => {
    broken = true;
    try {
      const e = await source()
        .listEssays({ since: null })
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BlogError);
      expect((e as BlogError).kind).toBe('unavailable');
    } finally {
      broken = false;
    }
  });
});
