// The WordPress fake's wp/v2/media, as WordPress answers it: raw body with Content-Disposition or a multipart
// "file" field, upload_files required, unique slugs, the file served back at source_url.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWordPressFake, type WordPressFake } from '../../../../src/offline/wordpress-fake/index.js';

let wp: WordPressFake;
beforeEach(async () => {
  wp = await startWordPressFake();
});
afterEach(() => wp.close());

const auth = (login: 'bot' | 'student1') => `Basic ${Buffer.from(`${wp.users[login].login}:${wp.users[login].appPassword}`).toString('base64')}`;
const upload = (body: Buffer | FormData, headers: Record<string, string>, query = '') =>
  fetch(`${wp.url}/wp-json/wp/v2/media${query}`, { method: 'POST', headers: { authorization: auth('bot'), ...headers }, body });

describe('the WordPress fake media library', () => {
  it('stores a raw upload under the slug asked for and serves the same bytes back', async () => {
    const data = Buffer.from('picture bytes');
    const res = await upload(data, { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="map.png"' }, '?slug=discord-1-0');
    expect(res.status).toBe(201);
    const media = (await res.json()) as { id: number; slug: string; source_url: string };
    expect(media.slug).toBe('discord-1-0');
    const served = await fetch(media.source_url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true);
    const found = (await (await fetch(`${wp.url}/wp-json/wp/v2/media?slug=discord-1-0`)).json()) as Array<{ id: number }>;
    expect(found.map((m) => m.id)).toEqual([media.id]);
    // A second file with the same name and slug gets its own, as WordPress keeps both unique.
    const again = (await (
      await upload(data, { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="map.png"' }, '?slug=discord-1-0')
    ).json()) as { slug: string; source_url: string };
    expect(again.slug).toBe('discord-1-0-2');
    expect(again.source_url).not.toBe(media.source_url);
  });

  it('accepts a multipart form with a file field', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('pdf bytes')], { type: 'application/pdf' }), 'notes.pdf');
    const res = await upload(form, {});
    expect(res.status).toBe(201);
    const media = (await res.json()) as { mime_type: string; source_url: string };
    expect(media.mime_type).toBe('application/pdf');
    expect(media.source_url).toMatch(/\/notes\.pdf$/);
  });

  it('refuses an account without upload_files, and a body without a file name', async () => {
    wp.users.bot.withoutCaps = ['upload_files'];
    const refused = await upload(Buffer.from('x'), { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="a.png"' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('rest_cannot_create');
    wp.users.bot.withoutCaps = [];
    const unnamed = await upload(Buffer.from('x'), { 'content-type': 'image/png' });
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { code: string }).code).toBe('rest_upload_no_content_disposition');
  });
});
