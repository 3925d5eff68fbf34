import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RestPersona } from '../../src/offline/wordpress-fake/index.js';
import type { BotWorld } from '../support/bot-world.js';
import { startBotOnRealWordPress } from './bot-on-real-wordpress.js';

// Issue 12 item 9 against a REAL WordPress: a picture attached to a Discord reply is uploaded to the blog's
// media library (POST /wp/v2/media with the bot's application password) and the comment links that copy.
const site = inject('wordpress');
let world: BotWorld;
let student: RestPersona;
let admin: RestPersona;

// A valid 1×1 PNG: WordPress checks that an image upload really is one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  ({ world, student, admin } = await startBotOnRealWordPress(site));
});
afterAll(() => world?.close());

describe('a reply’s picture on a real WordPress', () => {
  it('is copied to the media library once and the comment links the copy', async () => {
    const title = `Attachment round trip ${Date.now()}`;
    const post = await student.publishPost({ title, content: '<p>Essay.</p>' });
    await world.bot.syncNow();
    const thread = world.emu.findThreadByName(title, world.forumId)!;
    const [alice] = world.studentIds;
    world.emu.as(alice).postMessage(thread.id, { content: 'The map.', attachments: [{ filename: 'map.png', contentType: 'image/png', data: PNG }] });

    const comments = async () =>
      (await admin.request('GET', 'comments', { query: { post: post.id, context: 'edit', status: 'all' } })).json as Array<{ content: { raw: string } }>;
    await world.emu.waitFor(async () => (await world.bot.syncNow(), (await comments()).length === 1), 30_000, 'the reply on the blog');

    const [comment] = await comments();
    const links = [...comment!.content.raw.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toHaveLength(1);
    expect(links[0]!.startsWith(`${site.url.replace(/\/$/, '')}/wp-content/uploads/`)).toBe(true);
    const served = await fetch(links[0]!);
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const media = (await admin.request('GET', 'media', { query: { search: 'map', per_page: 100 } })).json as Array<{ source_url: string }>;
    expect(media.filter((m) => m.source_url === links[0])).toHaveLength(1);
  });
});
