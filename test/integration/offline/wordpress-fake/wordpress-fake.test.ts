// The fake's own rules, driven the way people use the blog (REST personas), including the parts
// that need its injectable clock. The contract suite checks the same rules against real WordPress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWordPressFake, type WordPressFake } from '../../../../src/offline/wordpress-fake/index.js';

let fake: WordPressFake;
beforeEach(async () => {
  fake = await startWordPressFake();
});
afterEach(() => fake.close());

describe('WordPress fake', () => {
  it('lifts the flood limit after 15 seconds on its clock', async () => {
    const post = await fake.as('student1').publishPost({ title: 'Flood', content: 'x' });
    const s2 = fake.as('student2');
    expect((await s2.comment(post.id, 'one')).status).toBe(201);
    const flood = await s2.comment(post.id, 'two');
    expect(flood.status).toBe(400);
    expect(flood.json.code).toBe('comment_flood');
    fake.state.advance(16_000);
    expect((await s2.comment(post.id, 'two')).status).toBe(201);
  });

  it('approves a name/email author once a comment of theirs was approved', async () => {
    const post = await fake.as('student1').publishPost({ title: 'Approval', content: 'x' });
    const bot = fake.as('bot');
    const first = await bot.comment(post.id, 'first', { author_name: 'Dana', author_email: 'dana@discord.invalid' });
    expect(first.json.status).toBe('hold');
    await fake.admin.moderateComment(first.json.id, 'approved');
    const second = await bot.comment(post.id, 'second', { author_name: 'Dana', author_email: 'dana@discord.invalid' });
    expect(second.json.status).toBe('approved');
    const linky = await bot.comment(post.id, '<a href="https://a.test">a</a> <a href="https://b.test">b</a>', {
      author_name: 'Dana',
      author_email: 'dana@discord.invalid',
    });
    expect(linky.json.status).toBe('hold');
  });

  it('hides held and spam comments from anonymous readers and refuses them the status filter', async () => {
    const post = await fake.as('student1').publishPost({ title: 'Visibility', content: 'x' });
    const held = await fake.as('bot').comment(post.id, 'held', { author_name: 'E', author_email: 'e@discord.invalid' });
    const anon = await fetch(`${fake.url}/wp-json/wp/v2/comments?post=${post.id}`).then((r) => r.json());
    expect(anon).toEqual([]);
    const forbidden = await fetch(`${fake.url}/wp-json/wp/v2/comments?post=${post.id}&status=hold`);
    expect(forbidden.status).toBe(401);
    await fake.admin.moderateComment(held.json.id, 'spam');
    const spam = await fake.admin.request('GET', 'comments', { query: { post: post.id, status: 'spam' } });
    expect(spam.json.map((c: { id: number }) => c.id)).toEqual([held.json.id]);
  });

  it('refuses anonymous comments and unknown posts like WordPress', async () => {
    const post = await fake.as('student1').publishPost({ title: 'Anon', content: 'x' });
    const anon = await fetch(`${fake.url}/wp-json/wp/v2/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ post: post.id, content: 'x', author_name: 'A', author_email: 'a@b.test' }),
    });
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { code: string }).code).toBe('rest_comment_login_required');
    const missing = await fake.as('bot').comment(999, 'x');
    expect(missing.status).toBe(403);
    await fake.as('student1').unpublishPost(post.id);
    expect((await fake.as('bot').comment(post.id, 'on a draft')).status).toBe(403);
  });

  it('validates paging like WordPress and links the next page', async () => {
    for (let i = 0; i < 3; i++) await fake.as('student1').publishPost({ title: `P${i}`, content: 'x' });
    const page1 = await fetch(`${fake.url}/wp-json/wp/v2/posts?per_page=2`);
    expect(page1.headers.get('x-wp-total')).toBe('3');
    expect(page1.headers.get('x-wp-totalpages')).toBe('2');
    expect(page1.headers.get('link')).toMatch(/page=2>; rel="next"/);
    expect((await fetch(`${fake.url}/wp-json/wp/v2/posts?per_page=101`)).status).toBe(400);
    const beyond = await fetch(`${fake.url}/wp-json/wp/v2/posts?per_page=2&page=3`);
    expect(((await beyond.json()) as { code: string }).code).toBe('rest_post_invalid_page_number');
  });

  it('keeps `after` exclusive on the blog-local wall clock', async () => {
    const post = await fake.as('student1').publishPost({ title: 'Edge', content: 'x' });
    const ids = async (after: string) =>
      ((await fetch(`${fake.url}/wp-json/wp/v2/posts?after=${encodeURIComponent(after)}`).then((r) => r.json())) as Array<{ id: number }>).map((p) => p.id);
    expect(await ids(post.date)).toEqual([]);
    expect(await ids(`${post.date_gmt}Z`)).toEqual([]);
    const oneSecondBefore = new Date(new Date(`${post.date_gmt}Z`).getTime() - 1000).toISOString().replace('.000Z', 'Z');
    expect(await ids(oneSecondBefore)).toEqual([post.id]);
    // The UTC wall time read as Chicago local time is six hours later: the post is "before" it.
    expect(await ids(post.date_gmt)).toEqual([]);
  });
});
