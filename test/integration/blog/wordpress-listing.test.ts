// Pagination, conditional requests, embedded media/terms, fixed-offset sites and WordPress.com
// routing: the parts of listEssays that the contract suite does not pin down.
import { afterEach, describe, expect, it } from 'vitest';
import { createBlogSource } from '../../../src/blog/create-blog-source.js';
import { createWordPressSource } from '../../../src/blog/wordpress/wordpress-source.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let fake: WordPressFake;
afterEach(() => fake?.close());

const bot = (f: WordPressFake) =>
  createWordPressSource({
    baseUrl: f.url,
    auth: { kind: 'application_password', username: 'discord-bot', password: f.users.bot.appPassword },
    sleep: async () => {},
  });

async function publishMany(f: WordPressFake, n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await f.as('student1').publishPost({ title: `Essay ${i}`, content: `Body ${i}`, date_gmt: `2026-03-0${1 + (i % 9)}T1${i % 10}:00:00` })).id);
  return ids;
}

describe('listEssays', () => {
  it('follows X-WP-TotalPages and stops at maxPages', async () => {
    fake = await startWordPressFake();
    const ids = await publishMany(fake, 7);
    const all = await bot(fake).listEssays({ since: null, perPage: 3 });
    expect(all.essays.map((e) => e.blogPostId).sort()).toEqual(ids.map(String).sort());
    const pages = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/posts')).map((r) => r.query.page);
    expect(pages).toEqual(['1', '2', '3']);
    // Oldest first, so a caller that stops early has processed a prefix.
    const times = all.essays.map((e) => e.publishedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const capped = await bot(fake).listEssays({ since: null, perPage: 3, maxPages: 2 });
    expect(capped.essays).toHaveLength(6);
  });

  it('answers notModified on a 304 and sees changes after one', async () => {
    fake = await startWordPressFake();
    await publishMany(fake, 2);
    const source = bot(fake);
    const first = await source.listEssays({ since: null });
    expect(first.notModified).toBe(false);
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.lastModified).not.toBeNull();
    const again = await source.listEssays({ since: null, etag: first.etag });
    expect(again).toMatchObject({ notModified: true, essays: [], etag: first.etag });
    const byDate = await source.listEssays({ since: null, lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    fake.state.advance(5_000);
    await fake.as('student2').publishPost({ title: 'New one', content: 'x' });
    const changed = await source.listEssays({ since: null, etag: first.etag, lastModified: first.lastModified });
    expect(changed.notModified).toBe(false);
    expect(changed.essays.map((e) => e.title)).toContain('New one');
  });

  it('maps the featured image, categories and tags from _embed', async () => {
    fake = await startWordPressFake();
    const media = fake.addMedia('https://blog.test/wp-content/uploads/gulag.jpg');
    const tag = fake.addTerm('Week 6', 'post_tag');
    const cat = fake.addTerm('Essays', 'category');
    const post = await fake.as('student1').publishPost({ title: 'Pictured', content: 'x', featured_media: media, tags: [tag], categories: [cat] });
    const essay = await bot(fake).getEssay(String(post.id));
    expect(essay).toMatchObject({ featuredImageUrl: 'https://blog.test/wp-content/uploads/gulag.jpg', tags: ['Week 6'], categories: ['Essays'] });
  });

  it('uses gmt_offset when the site has no named time zone', async () => {
    fake = await startWordPressFake({ timezone: '', gmtOffset: 5.5 });
    const post = await fake.as('student1').publishPost({ title: 'Offset', content: 'x' });
    const source = bot(fake);
    expect((await source.verify()).timeZone).toBeNull();
    await source.listEssays({ since: new Date(`${post.date_gmt}Z`) });
    const after = fake.requests.filter((r) => r.path.endsWith('/posts')).at(-1)!.query.after!;
    // since - 2 min margin, on the +05:30 wall clock.
    const expected = new Date(new Date(`${post.date_gmt}Z`).getTime() - 120_000 + 5.5 * 3600_000).toISOString().slice(0, 19);
    expect(after).toBe(expected);
  });
});

describe('listCommentListing', () => {
  async function commentMany(f: WordPressFake, n: number): Promise<number[]> {
    const post = (await f.as('student1').publishPost({ title: 'Essay', content: 'Body' })).id;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await f.as('admin').comment(post, `<p>Comment ${i}</p>`)).json.id as number);
      f.state.advance(1_000);
    }
    return ids;
  }

  it('reads every page and says the listing is complete, or stops at maxPages and says it is not', async () => {
    fake = await startWordPressFake();
    const ids = await commentMany(fake, 5);
    const all = await bot(fake).listCommentListing({ perPage: 2 });
    expect(all.comments.map((c) => Number(c.blogCommentId))).toEqual(ids);
    expect(all.complete).toBe(true);
    const capped = await bot(fake).listCommentListing({ perPage: 2, maxPages: 2 });
    expect(capped.comments.map((c) => Number(c.blogCommentId))).toEqual(ids.slice(0, 4));
    expect(capped.complete).toBe(false);
  });

  it('says the listing is incomplete when a comment is deleted while it pages (the next one slips onto a page already read)', async () => {
    fake = await startWordPressFake();
    const ids = await commentMany(fake, 5);
    const f = fake;
    const deletingAfterPage1: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if ((input instanceof Request ? input.url : String(input)).includes('page=1')) f.state.comments = f.state.comments.filter((c) => c.id !== ids[0]);
      return res;
    };
    const source = createWordPressSource({
      baseUrl: f.url,
      auth: { kind: 'application_password', username: 'discord-bot', password: f.users.bot.appPassword },
      sleep: async () => {},
      fetch: deletingAfterPage1,
    });
    const listing = await source.listCommentListing({ perPage: 2 });
    // Page 1 had comments 0 and 1; after the deletion comment 2 is first on page 1, so page 2 starts at 3.
    expect(listing.comments.map((c) => Number(c.blogCommentId))).not.toContain(ids[2]);
    expect(listing.complete).toBe(false);
  });
});

describe('WordPress.com', () => {
  it('talks to /wp/v2/sites/{site}/ with a bearer token', async () => {
    fake = await startWordPressFake({ timezone: 'Europe/Berlin' });
    const post = await fake.as('student1').publishPost({ title: 'Hosted', content: 'x' });
    const source = createBlogSource(
      { kind: 'wordpress_com', url: 'https://coursesite.wordpress.com/', credentials: { kind: 'bearer', token: fake.users.bot.token } },
      { wordpressComApiRoot: fake.wpcomApiRoot, sleep: async () => {}, allowedHosts: ['127.0.0.1'] },
    );
    expect(await source.verify()).toMatchObject({ canModerate: true, timeZone: 'Europe/Berlin' });
    expect((await source.listEssays({ since: null })).essays.map((e) => e.blogPostId)).toEqual([String(post.id)]);
    const c = await source.createComment({
      blogPostId: String(post.id),
      parentBlogCommentId: null,
      contentHtml: 'hi',
      authorBlogUserId: null,
      authorName: 'D',
      authorEmail: 'd@discord.invalid',
      requestApproved: true,
    });
    expect(c.status).toBe('approved');
    const paths = fake.requests.filter((r) => r.user === 'discord-bot' || r.path.startsWith('/rest/')).map((r) => r.path);
    expect(paths).toContain('/rest/v1.1/sites/coursesite.wordpress.com');
    expect(paths.filter((p) => p.startsWith('/wp/v2/sites/coursesite.wordpress.com/')).length).toBeGreaterThanOrEqual(3);
    expect(paths.some((p) => p.startsWith('/wp-json'))).toBe(false);

    const bad = createBlogSource(
      { kind: 'wordpress_com', url: 'coursesite.wordpress.com', credentials: { kind: 'bearer', token: 'nope' } },
      { wordpressComApiRoot: fake.wpcomApiRoot, retries: 0, allowedHosts: ['127.0.0.1'] },
    );
    await expect(bad.listEssays({ since: null })).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });

  it('refuses settings without the credentials the kind needs', () => {
    expect(() => createBlogSource({ kind: 'wordpress', url: 'https://b.test', credentials: null })).toThrow(/application password/);
    expect(() =>
      createBlogSource({ kind: 'wordpress_com', url: 'b.wordpress.com', credentials: { kind: 'application_password', username: 'u', password: 'p' } }),
    ).toThrow(/bearer/);
  });
});
