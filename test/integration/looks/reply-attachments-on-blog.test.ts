// Issue 12 item 9: a picture a student attaches to a reply in Discord reaches the blog as a file in the blog's
// own media library, not as a Discord link that stops working within a day. The student posts through the
// Discord emulator (which serves the attachment like Discord's CDN); the test reads the WordPress fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotWorld } from '../../support/bot-world.js';
import { picture, startMapsEssay, type MapsEssay } from './maps-essay.js';

let world: BotWorld;
let threadId: string;
let replyComments: MapsEssay['replyComments'];
let syncUntil: MapsEssay['syncUntil'];

beforeEach(async () => {
  ({ world, threadId, replyComments, syncUntil } = await startMapsEssay());
});
afterEach(() => world?.close());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

function postReply(content: string, files: Array<{ filename: string; data: Buffer }>) {
  const [alice] = world.studentIds;
  return world.emu.as(alice).postMessage(threadId, { content, attachments: files.map((f) => ({ ...f, contentType: 'image/png' })) });
}

describe('attachments of Discord replies on the blog', () => {
  it('links a copy in the blog’s media library, which serves the same picture', async () => {
    const data = picture('Leningrad');
    const message = postReply('Here is the map I mentioned.', [{ filename: 'leningrad map.png', data }]);
    const discordUrl = message.attachments[0]!.url;
    await syncUntil(() => replyComments().length === 1, 'the reply on the blog');

    const [link] = hrefs(replyComments()[0]!.content);
    expect(link).toBeDefined();
    expect(link!.startsWith(`${world.wp.url}/wp-content/uploads/`)).toBe(true);
    expect(replyComments()[0]!.content).not.toContain(new URL(discordUrl).pathname);
    const served = await fetch(link!);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true);
    expect(world.wp.state.media.filter((m) => m.data)).toHaveLength(1);
  });

  it('uploads each picture once even when the blog’s answer to the upload is lost', async () => {
    // The blog stores the file but the bot never reads the answer (a PHP notice garbles it): as after a crash.
    world.wp.faults.badJsonNext(1, (method, path) => method === 'POST' && path.endsWith('/wp/v2/media'));
    const data = picture('Kyiv');
    postReply('Second map.', [{ filename: 'kyiv.png', data }]);
    await syncUntil(() => replyComments().length === 1, 'the reply on the blog');

    const uploads = world.wp.state.media.filter((m) => m.data);
    expect(uploads).toHaveLength(1);
    expect(hrefs(replyComments()[0]!.content)).toEqual([uploads[0]!.sourceUrl]);
  });

  it('keeps Discord’s link and tells staff once when the bot’s blog account may not upload files', async () => {
    world.wp.users.bot.withoutCaps = ['upload_files'];
    const first = postReply('A map.', [{ filename: 'a.png', data: picture('A') }]);
    await syncUntil(() => replyComments().length === 1, 'the first reply on the blog');
    postReply('Another map.', [{ filename: 'b.png', data: picture('B') }]);
    await syncUntil(() => replyComments().length === 2, 'the second reply on the blog');

    expect(hrefs(replyComments()[0]!.content)).toEqual([first.attachments[0]!.url]);
    expect(world.wp.state.media.filter((m) => m.data)).toHaveLength(0);
    const notices = world.emu.messagesIn(world.staffChannelId).filter((m) => m.content.includes('upload_files'));
    expect(notices).toHaveLength(1);
  });

  it('leaves a file over 10 MB as a link', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    const message = postReply('The full scan.', [{ filename: 'scan.png', data: big }]);
    await syncUntil(() => replyComments().length === 1, 'the reply on the blog');
    expect(hrefs(replyComments()[0]!.content)).toEqual([message.attachments[0]!.url]);
    expect(world.wp.state.media.filter((m) => m.data)).toHaveLength(0);
  });
});
