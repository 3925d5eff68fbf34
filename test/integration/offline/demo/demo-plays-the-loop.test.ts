// `npm run demo` (issue 12 item 12): the demo's steps, played on a fresh offline world, leave what a person
// would see at each step: the essay's thread, the reply on the blog, the blog comment in the thread, the
// confirmed round, a reminder DM, and the participation chart as a real PNG file. The expectations come
// from the sample course itself (titles, texts, who owes which review), not from what the demo printed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { demoStartsAt, playDemo } from '../../../../src/offline/demo/demo-steps.js';
import { sampleBlogComment, sampleEssay, sampleReply, sampleSecondEssay } from '../../../../src/offline/demo/sample-course.js';
import { ManualClock } from '../../../../src/shared/clock.js';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../../support/bot-world.js';

let world: BotWorld | undefined;
let chartDir: string | undefined;
afterEach(async () => {
  await world?.close();
  if (chartDir) rmSync(chartDir, { recursive: true, force: true });
  world = chartDir = undefined;
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();

describe('npm run demo', () => {
  it('plays the whole loop: setup, roster, essay thread, a reply both ways, a review round, a reminder and a participation chart', async () => {
    const clock = new ManualClock(demoStartsAt(new Date()));
    world = await startBotWorld({ clock });
    chartDir = mkdtempSync(path.join(tmpdir(), 'ct-demo-chart-'));
    const printed: string[] = [];
    const result = await playDemo({ ...world, database: world.testDb }, { clock, chartDir, say: (line) => printed.push(line) });
    const [aliceId, bobId] = world.studentIds;

    // The roster staff imported is the course's: both students, linked to their blog accounts.
    expect((await world.testDb.db.student.findMany({ select: { displayName: true }, orderBy: { displayName: 'asc' } })).map((s) => s.displayName)).toEqual([
      'Alice Student',
      'Bob Student',
    ]);

    // Both essays became forum posts named after them; Alice's thread carries Bob's reply and her blog answer.
    const threads = essayThreadsIn(world, world.forumId);
    expect(threads.map((t) => t.name).sort()).toEqual([sampleEssay.title, sampleSecondEssay.title].sort());
    const aliceThread = threads.find((t) => t.name === sampleEssay.title)!;
    const inThread = world.emu.messagesIn(aliceThread.id);
    expect(inThread.filter((m) => m.author.id === bobId).map((m) => m.content)).toEqual([sampleReply]);
    const mirrored = inThread.filter((m) => m.webhook_id);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.content).toContain(text(sampleBlogComment).slice(0, 40));

    // On the blog: Bob's reply is a comment on Alice's post, once.
    const alicePost = world.wp.state.posts.find((p) => p.title === sampleEssay.title)!;
    const onBlog = world.wp.state.comments.filter((c) => c.postId === alicePost.id);
    expect(onBlog.filter((c) => text(c.content).includes('thermometer'))).toHaveLength(1);

    // One round with one review each, and Alice (who has not commented on Bob's essay) was reminded of it by DM.
    expect(await world.testDb.db.reviewRound.count()).toBe(1);
    expect(await world.testDb.db.assignment.count()).toBe(2);
    const aliceDms = world.emu.dmsTo(aliceId);
    expect(aliceDms.some((m) => m.content.includes(sampleSecondEssay.title) && /remind|due/i.test(m.content))).toBe(true);

    // The chart is a real PNG image at the path the demo printed.
    expect(existsSync(result.chartPath)).toBe(true);
    expect(path.dirname(result.chartPath)).toBe(chartDir);
    const png = readFileSync(result.chartPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = await loadImage(png);
    expect(image.width).toBeGreaterThan(100);
    expect(printed.join('\n')).toContain(result.chartPath);

    // Each step was told as a person sees it, in order.
    const told = printed.join('\n');
    const marks = [
      '/course setup',
      '/roster import',
      sampleEssay.title,
      'replied in the thread',
      'answered on the blog',
      '/reviews assign',
      'Confirm',
      '/reminders send-now',
      '/report participation',
    ];
    const at = marks.map((m) => told.indexOf(m));
    expect(
      at.every((i) => i >= 0),
      `missing: ${marks.filter((_, i) => at[i]! < 0).join(', ')}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  }, 120_000);

  it('stops with a message naming the step that did not happen when the blog is down', async () => {
    const clock = new ManualClock(demoStartsAt(new Date()));
    world = await startBotWorld({ clock });
    chartDir = mkdtempSync(path.join(tmpdir(), 'ct-demo-chart-'));
    await world.wp.goDown();
    await expect(playDemo({ ...world, database: world.testDb }, { clock, chartDir, say: () => undefined })).rejects.toThrow(
      /^Step 2 \(\/course setup\) did not happen: /,
    );
  }, 60_000);
});
