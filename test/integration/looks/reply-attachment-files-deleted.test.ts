// A picture a student attached to a Discord reply is copied to the blog's media library (see
// reply-attachments-on-blog.test.ts). When the student deletes the reply, or staff purge the student, that copy
// must go too: a file left in the media library stays public at its URL. The student and staff act through the
// Discord emulator; the test reads the WordPress fake and fetches the file's URL as anyone on the web would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotWorld } from '../../support/bot-world.js';
import { runConfirmedAsStaff } from '../../support/staff-command.js';
import { picture, startMapsEssay, type MapsEssay } from './maps-essay.js';

let world: BotWorld;
let threadId: string;
let replyComments: MapsEssay['replyComments'];
let syncUntil: MapsEssay['syncUntil'];

beforeEach(async () => {
  // Alice is on the roster (as /roster import leaves her), so /privacy purge finds her.
  const enrolAlice = async (w: BotWorld) => {
    const courseId = (await w.testDb.db.course.findFirstOrThrow()).id;
    await w.testDb.db.student.create({
      data: { courseId, displayName: 'Alice Student', email: 'alice.sample@university.test', discordUserId: w.studentIds[0] },
    });
  };
  ({ world, threadId, replyComments, syncUntil } = await startMapsEssay({ beforeEssay: enrolAlice }));
});
afterEach(() => world?.close());

const uploadedUrls = () => world.wp.state.media.filter((m) => m.data).map((m) => m.sourceUrl);
const statusOf = async (url: string) => (await fetch(url)).status;
const mediaDeletes = () => world.wp.requests.filter((r) => r.method === 'DELETE' && /\/wp\/v2\/media\/\d+/.test(r.path));

/** Alice posts a reply with two pictures and waits until the blog shows it with both copies served. */
async function replyWithPictures() {
  const [alice] = world.studentIds;
  const files = ['Riga', 'Tartu'].map((label) => ({ filename: `${label.toLowerCase()}.png`, data: picture(label), contentType: 'image/png' }));
  const message = world.emu.as(alice).postMessage(threadId, { content: 'The two maps.', attachments: files });
  await syncUntil(() => replyComments().length === 1, 'the reply on the blog');
  const urls = uploadedUrls();
  expect(urls).toHaveLength(2);
  for (const url of urls) expect(await statusOf(url)).toBe(200);
  return { message, urls };
}

const deadEffects = () => world.testDb.db.outboxItem.count({ where: { status: 'dead' } });

describe('a deleted reply takes its uploaded files off the blog', () => {
  it('deletes the blog comment and both pictures, whose URLs then answer 404', async () => {
    const [alice] = world.studentIds;
    const { message, urls } = await replyWithPictures();
    world.emu.as(alice).deleteMessage(threadId, message.id);
    await syncUntil(() => replyComments()[0]!.status === 'trash' && uploadedUrls().length === 0, 'the comment and files gone');
    for (const url of urls) expect(await statusOf(url)).toBe(404);
    expect(mediaDeletes()).toHaveLength(2);
    expect(await deadEffects()).toBe(0);
  });

  it('still deletes every file when the blog’s answer to a file deletion is lost, and never fails on a file already gone', async () => {
    const [alice] = world.studentIds;
    const { message, urls } = await replyWithPictures();
    // The blog deletes the first file but the bot never reads the answer: as a crash right after the call.
    world.wp.faults.badJsonNext(1, (method, path) => method === 'DELETE' && /\/wp\/v2\/media\/\d+/.test(path));
    world.emu.as(alice).deleteMessage(threadId, message.id);
    await syncUntil(async () => uploadedUrls().length === 0 && (await world.testDb.db.outboxItem.count({ where: { status: 'pending' } })) === 0, 'files gone');
    for (const url of urls) expect(await statusOf(url)).toBe(404);
    expect(replyComments()[0]!.status).toBe('trash');
    // The retry asked again for the file already deleted: the blog's 404 counted as done, not as an error.
    expect(mediaDeletes().length).toBeGreaterThan(2);
    expect(await deadEffects()).toBe(0);
  });

  it('deletes the files when the blog is down at first, once it is back', async () => {
    const [alice] = world.studentIds;
    const { message, urls } = await replyWithPictures();
    world.wp.faults.failNext(3, 503, (method, path) => method === 'DELETE' && /\/wp\/v2\/media\/\d+/.test(path));
    world.emu.as(alice).deleteMessage(threadId, message.id);
    await syncUntil(() => uploadedUrls().length === 0, 'files gone');
    for (const url of urls) expect(await statusOf(url)).toBe(404);
    expect(await deadEffects()).toBe(0);
  });
});

describe('/privacy purge takes the student’s uploaded files off the blog', () => {
  it('deletes every picture the student uploaded once staff confirm', async () => {
    const { urls } = await replyWithPictures();
    const reply = await purgeAlice();
    // Staff are told the files are on their way out, not only "Done".
    expect(reply).toContain(`The ${urls.length} file(s) uploaded from their Discord replies are being deleted from the blog's media library.`);
    await syncUntil(() => uploadedUrls().length === 0, 'the files gone');
    for (const url of urls) expect(await statusOf(url)).toBe(404);
    expect(await deadEffects()).toBe(0);
  });
});

async function purgeAlice() {
  const done = await runConfirmedAsStaff(world, 'privacy', 'purge', { student: world.studentIds[0] });
  expect(done.content).toContain('Done');
  return done.content;
}

describe('/privacy purge of a student whose pictures are still on their way to the blog', () => {
  it('leaves no picture of theirs on the blog once it answers again', async () => {
    const [alice] = world.studentIds;
    // The blog refuses uploads for now: the reply's pictures wait in the outbox.
    world.wp.faults.failNext(1000, 503, (method, path) => method === 'POST' && path.endsWith('/wp/v2/media'));
    world.emu
      .as(alice)
      .postMessage(threadId, { content: 'A map.', attachments: [{ filename: 'pskov.png', data: picture('Pskov'), contentType: 'image/png' }] });
    await syncUntil(
      async () => (await world.testDb.db.outboxItem.count({ where: { kind: 'blog.upload_attachment', attempts: { gt: 0 } } })) > 0,
      'an upload tried',
    );
    await purgeAlice();
    world.wp.faults.clear();
    await syncUntil(async () => (await world.testDb.db.outboxItem.count({ where: { status: 'pending' } })) === 0, 'the outbox settled');
    expect(uploadedUrls()).toEqual([]);
    expect(replyComments()).toEqual([]);
  });
});

describe('/course archive takes every uploaded file off the blog before the blog credentials go', () => {
  const archive = () => runConfirmedAsStaff(world, 'course', 'archive');

  it('deletes the pictures of every student’s replies when staff archive the course', async () => {
    const { urls } = await replyWithPictures();
    const done = await archive();
    expect(done.content).toContain('archived');
    expect(uploadedUrls()).toEqual([]);
    for (const url of urls) expect(await statusOf(url)).toBe(404);
  });

  it('archives anyway when the blog cannot delete the files, and tells staff how many stay there', async () => {
    const { urls } = await replyWithPictures();
    world.wp.faults.failNext(100, 503, (method, path) => method === 'DELETE' && /\/wp\/v2\/media\/\d+/.test(path));
    const done = await archive();
    expect(done.content).toContain('archived');
    expect(done.content).toContain('2 file(s)');
    for (const url of urls) expect(await statusOf(url)).toBe(200);
  });
});
