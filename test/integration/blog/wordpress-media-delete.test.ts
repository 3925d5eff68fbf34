// The WordPress adapter's deleteMedia against the WordPress fake: what a deleted reply's file deletion relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWordPressSource } from '../../../src/blog/wordpress/wordpress-source.js';
import { BlogError } from '../../../src/ports/blog-source.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

let fake: WordPressFake;
beforeAll(async () => {
  fake = await startWordPressFake();
});
afterAll(() => fake.close());

const sourceAs = (login: 'bot' | 'student1') =>
  createWordPressSource({
    baseUrl: fake.url,
    auth: { kind: 'application_password', username: fake.users[login].login, password: fake.users[login].appPassword },
    retries: 0,
    sleep: async () => {},
  });
const upload = (slug: string) =>
  sourceAs('bot').uploadMedia!({ filename: `${slug}.png`, contentType: 'image/png', data: Buffer.from(`picture ${slug}`), slug });

describe('deleting an uploaded file from a WordPress media library', () => {
  it('removes the file for good: its URL answers 404 and the slug finds nothing', async () => {
    const media = await upload('map-of-riga');
    expect((await fetch(media.url)).status).toBe(200);
    await sourceAs('bot').deleteMedia!(media.id);
    expect((await fetch(media.url)).status).toBe(404);
    expect(await sourceAs('bot').findMedia!('map-of-riga')).toBeNull();
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.query.force)).toEqual(['true']);
  });

  it('takes a file already deleted (a retry after a lost answer) as done', async () => {
    const media = await upload('map-of-tartu');
    await sourceAs('bot').deleteMedia!(media.id);
    await expect(sourceAs('bot').deleteMedia!(media.id)).resolves.toBeUndefined();
  });

  it('reports an account that may not delete the file as an auth error, not as done', async () => {
    const media = await upload('map-of-narva');
    const refused = await sourceAs('student1').deleteMedia!(media.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BlogError);
    expect((refused as BlogError).kind).toBe('auth');
    expect((await fetch(media.url)).status).toBe(200);
  });
});
