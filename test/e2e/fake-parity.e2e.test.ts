// Shape parity: the fake's responses use WordPress's field names. The same scene is set on the real
// server and on the fake, the same requests are made, and every field the fake sends must also be
// in the real response (the fake may leave fields out; it must not invent or misspell any).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWordPressFake, type WordPressFake } from '../../src/offline/wordpress-fake/index.js';
import { fakeTestSite, personaFor, type WordPressTestSite } from '../integration/blog/wordpress-test-site.js';

type Json = Record<string, unknown>;
let fake: WordPressFake;
let real: WordPressTestSite;
let fakeSite: WordPressTestSite;

beforeAll(async () => {
  real = inject('wordpress');
  fake = await startWordPressFake({ timezone: real.timezone });
  fakeSite = fakeTestSite(fake, real.timezone);
});
afterAll(() => fake.close());

/** Sets the scene on one site and returns the responses to compare. */
async function sample(site: WordPressTestSite) {
  const post = await personaFor(site, 'student1').publishPost({ title: 'Parity essay', content: 'Parity body' });
  const bot = personaFor(site, 'bot');
  const comment = await bot.comment(post.id, `Parity comment ${site.kind}`, {
    author_name: 'Parity',
    author_email: 'parity@discord.invalid',
    status: 'approved',
  });
  const held = await bot.comment(post.id, 'Parity held', { author_name: 'Held', author_email: 'held@discord.invalid' });
  const list = await bot.request('GET', 'posts', { query: { _embed: 'author,wp:term', per_page: 1 } });
  const comments = await bot.request('GET', 'comments', { query: { post: post.id, status: 'hold', context: 'edit' } });
  const me = await bot.request('GET', 'users/me', { query: { context: 'edit' } });
  const user = await bot.request('GET', `users/${site.users.student1.id}`);
  const index = (await fetch(`${site.url}/wp-json/`).then((r) => r.json())) as Json;
  const dup = await bot.comment(post.id, `Parity comment ${site.kind}`, { author_name: 'Parity', author_email: 'parity@discord.invalid' });
  return { comment, held, list, comments, me, user, index, dup };
}

const keys = (o: unknown) => Object.keys(o ?? {}).sort();
const missingFrom = (fakeObj: unknown, realObj: unknown) => keys(fakeObj).filter((k) => !keys(realObj).includes(k));

describe('fake vs real WordPress response shapes', () => {
  it('uses only field names the real server uses, with the same statuses and headers', async () => {
    const r = await sample(real);
    const f = await sample(fakeSite);
    expect([f.comment.status, f.held.status, f.dup.status]).toEqual([r.comment.status, r.held.status, r.dup.status]);
    expect([f.held.json.status, f.dup.json.code]).toEqual([r.held.json.status, r.dup.json.code]);

    const realPost = r.list.json[0] as Json;
    const fakePost = f.list.json[0] as Json;
    expect(missingFrom(fakePost, realPost)).toEqual([]);
    expect(missingFrom(fakePost._embedded, realPost._embedded)).toEqual([]);
    expect(missingFrom((fakePost._embedded as Json).author, (realPost._embedded as Json).author)).toEqual([]);
    expect(missingFrom(((fakePost._embedded as Json).author as Json[])[0], ((realPost._embedded as Json).author as Json[])[0])).toEqual([]);
    for (const h of ['x-wp-total', 'x-wp-totalpages', 'link']) expect(f.list.headers.has(h), h).toBe(r.list.headers.has(h));

    expect(missingFrom(f.comment.json, r.comment.json)).toEqual([]);
    expect(missingFrom(f.comments.json[0], r.comments.json[0])).toEqual([]);
    expect(missingFrom(f.me.json, r.me.json)).toEqual([]);
    expect(missingFrom(f.user.json, r.user.json)).toEqual([]);
    expect(missingFrom(f.index, r.index)).toEqual([]);
    // Date formats: local without offset, gmt without suffix.
    for (const p of [realPost, fakePost]) {
      expect(p.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(p.date_gmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    }
    expect(f.index.timezone_string).toBe(r.index.timezone_string);
  });
});
