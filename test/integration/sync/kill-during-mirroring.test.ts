import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onThreadReply } from '../../../src/sync/comments/mirror-discord-reply.js';
import type { SyncDeps } from '../../../src/context.js';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { humanReply } from '../../support/incoming-reply.js';

// kill -9 at random points while replies go to the blog and blog comments come to the thread,
// over and over: afterwards every comment exists exactly once on each side.
const root = path.resolve(import.meta.dirname, '../../..');
let world: BotWorld;
let courseId: string;
let threadId: string;
let postId: number;

/**
 * Runs one mirror worker to the end, or, with `killWhen`, SIGKILLs it a random 0-20 ms after that check first holds
 * (polled every 5 ms once the worker is ready): a kill tied to the work done, not to the clock, so it lands mid-work
 * on a fast machine and on a slow one alike.
 */
function runWorker(killWhen: (() => Promise<boolean>) | null): Promise<'done' | 'killed'> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader: the tsx CLI would run the script in a child process that a
    // SIGKILL of the wrapper leaves running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/mirror-worker.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: world.testDb.url, DISCORD_API_URL: world.emu.apiUrl, DISCORD_TOKEN: world.emu.botToken, COURSE_ID: courseId },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let watching = false;
    let exited = false;
    const watch = async () => {
      while (!exited && killWhen) {
        if (await killWhen()) return void (timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 20)));
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (killWhen === null || watching || !d.toString().includes('ready')) return;
      watching = true;
      watch().catch(reject);
    });
    child.on('exit', (code, signal) => {
      exited = true;
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('done');
      else reject(new Error(`worker failed (${code}): ${stderr}`));
    });
  });
}

beforeAll(async () => {
  world = await startBotWorld();
  await world.setupCourse();
  courseId = (await world.testDb.db.course.findFirstOrThrow()).id;
  postId = (await world.wp.as('student1').publishPost({ title: 'Under fire', content: '<p>Essay.</p>' })).id;
  await world.bot.syncNow();
  threadId = essayThreadsIn(world, world.forumId)[0]!.id;
  await world.bot.stop(); // the bot's own process stays out of the way: only the workers mirror
});
afterAll(() => world?.close());

describe('kill -9 during mirroring', () => {
  it('loses and duplicates nothing when killed again and again at random points', async () => {
    const ctx = world.bot.ctx as SyncDeps;
    for (let i = 0; i < 60; i += 1) {
      const message = world.emu.as(world.studentIds[1]).postMessage(threadId, { content: `Discord reply ${i} — “kept” once.` });
      await onThreadReply(
        ctx,
        humanReply({
          messageId: message.id,
          threadId,
          authorId: world.studentIds[1],
          authorDisplayName: 'Bob Student',
          content: message.content,
          createdAt: new Date(),
        }),
      );
    }
    for (let i = 0; i < 30; i += 1) await world.wp.admin.comment(postId, `<p>Blog comment ${i} — “kept” once.</p>`);

    let killedMidWork = 0;
    const count = (status: string) => world.testDb.db.outboxItem.count({ where: { status } });
    // Kill each worker at a random point of its work: a random 0-20 ms after it has completed a random 1-10 more
    // effects (leaving some pending), for as long as work remains.
    for (let round = 0; round < 25 && (await count('pending')) > 0; round += 1) {
      const before = await count('done');
      const target = before + 1 + Math.floor(Math.random() * Math.min(10, Math.max(1, (await count('pending')) - 1)));
      const killed = (await runWorker(async () => (await count('done')) >= target)) === 'killed';
      const progressed = (await count('done')) > before;
      if (killed && progressed && (await count('pending')) > 0) killedMidWork += 1;
    }
    expect(await runWorker(null)).toBe('done');

    const onBlog = world.wp.state.comments.filter((c) => c.postId === postId).map((c) => c.content);
    for (let i = 0; i < 60; i += 1)
      expect(
        onBlog.filter((c) => c.includes(`Discord reply ${i} —`)),
        `reply ${i}`,
      ).toHaveLength(1);
    const inThread = world.emu
      .messagesIn(threadId)
      .filter((m) => m.webhook_id)
      .map((m) => m.content);
    for (let i = 0; i < 30; i += 1)
      expect(
        inThread.filter((c) => c.includes(`Blog comment ${i} —`)),
        `blog comment ${i}`,
      ).toHaveLength(1);
    expect(inThread).toHaveLength(30);
    expect(onBlog).toHaveLength(90);
    expect(await world.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
    expect(killedMidWork, 'kills that interrupted work in progress').toBeGreaterThanOrEqual(3);
  }, 300_000);
});
