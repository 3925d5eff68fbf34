import { afterEach, describe, expect, it } from 'vitest';
import { mirroredInto, newDeliveryId, startPushWorld, type PushWorld } from './push-world.js';
import { essayThreadsIn } from '../../support/bot-world.js';

let world: PushWorld;
afterEach(() => world?.close());

const postListings = () => world.wp.requests.filter((r) => r.method === 'GET' && r.path === '/wp-json/wp/v2/posts').length;
const mirrored = (threadId: string) => mirroredInto(world, threadId);

describe('many notifications, one sync at a time', () => {
  it('a class commenting at once (25 notifications during one sync) costs one more sync, and every comment appears once', async () => {
    world = await startPushWorld({ rateLimit: { capacity: 100, perSecond: 10 } });
    const post = await world.wp.as('student1').publishPost({ title: 'Everyone comments', content: '<p>Discuss.</p>' });
    await world.bot.syncNow();
    const threadId = essayThreadsIn(world, world.forumId)[0]!.id;
    // What one sync of this course costs in post listings (the essay poll, the /link claim check...).
    const beforeOne = postListings();
    await world.bot.syncNow();
    const perSync = postListings() - beforeOne;
    expect(perSync).toBeGreaterThan(0);
    // The first pushed sync is held at its start (the blog is slow) while the flood arrives.
    const ctx = world.bot.ctx;
    const realBlogFor = ctx.blogFor;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    ctx.blogFor = async (courseId) => {
      if (first) {
        first = false;
        await held;
      }
      return realBlogFor(courseId);
    };
    const before = postListings();
    const comments = [];
    for (let i = 0; i < 25; i++) comments.push(await world.wp.as(i % 2 ? 'student2' : 'student1').comment(post.id, `<p>Comment number ${i} — “ok”.</p>`));
    const answers = await Promise.all(comments.map((c) => world.send({ event: 'comment.created', id: c.json.id as number, postId: post.id })));
    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(202));
    release();
    await world.emu.waitFor(() => mirrored(threadId).length === 25, 60_000, 'all 25 comments in the thread');
    await world.bot.syncNow(); // waits for any pushed sync still running, then polls once more itself
    // The held sync, exactly one queued behind it, and the syncNow above: three syncs, not 26.
    expect((postListings() - before) / perSync).toBe(3);
    expect(mirrored(threadId)).toHaveLength(25);
    expect(new Set(mirrored(threadId)).size).toBe(25);
  }, 120_000);

  it('a flood beyond the course’s rate limit is answered 429 with Retry-After (the plugin retries later)', async () => {
    world = await startPushWorld({ rateLimit: { capacity: 3, perSecond: 0.5 } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await world.send({ event: 'ping', id: 0 }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429, 429]);
    expect(Number(answers[3]!.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('a flood of badly signed requests to a course’s push URL does not make the plugin’s correctly signed one wait (no 429)', async () => {
    world = await startPushWorld({ rateLimit: { capacity: 3, perSecond: 0.5 } });
    const forged = [];
    for (let i = 0; i < 40; i++) forged.push((await world.send({ event: 'ping', id: 0 }, { secret: 'f'.repeat(64) })).status);
    // Forgeries are refused, and past a small allowance answered 429 without more work.
    expect(forged.slice(0, 3)).toEqual([401, 401, 401]);
    expect(forged.at(-1)).toBe(429);
    expect(new Set(forged)).toEqual(new Set([401, 429]));
    const genuine = await world.send({ event: 'ping', id: 0 });
    expect(genuine).toMatchObject({ status: 202, json: { ok: true, course: 'HIST 214' } });
  });
});

describe('the bot down while the blog publishes', () => {
  it('the notification fails, the poll catches up, and the plugin’s retry afterwards neither loses nor doubles anything', async () => {
    world = await startPushWorld();
    const deliveryId = newDeliveryId();
    await world.app.close(); // the bot's HTTP side is unreachable
    const post = await world.wp.as('student1').publishPost({ title: 'Published during the outage', content: '<p>While the bot was away.</p>' });
    await expect(world.send({ event: 'post.published', id: post.id }, { deliveryId })).rejects.toThrow();
    await world.bot.syncNow(); // the poll, the safety net
    expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Published during the outage']);
    const threadId = essayThreadsIn(world, world.forumId)[0]!.id;
    const comment = await world.wp.as('student2').comment(post.id, '<p>Commented meanwhile.</p>');
    await world.bot.syncNow();
    expect(mirrored(threadId)).toHaveLength(1);

    // The endpoint is back (same course key and secret); WP-Cron retries both notifications.
    const { default: Fastify } = await import('fastify');
    const { pushRoutes } = await import('../../../src/http/push/push-routes.js');
    const ctx = world.bot.ctx;
    const app = Fastify();
    await app.register(pushRoutes({ db: ctx.db, secrets: ctx.secrets, clock: ctx.clock, log: ctx.log, wake: (id) => world.bot.wakeCourse(id) }));
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/push/v1/${world.pushUrl.split('/').pop()}`;
    try {
      expect((await world.send({ event: 'post.published', id: post.id }, { deliveryId, url })).status).toBe(202);
      expect((await world.send({ event: 'comment.created', id: comment.json.id as number, postId: post.id }, { url })).status).toBe(202);
      await world.bot.syncNow(); // after the woken syncs
      expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Published during the outage']);
      expect(mirrored(threadId)).toHaveLength(1);
      expect(world.wp.state.comments.filter((c) => c.postId === post.id)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
