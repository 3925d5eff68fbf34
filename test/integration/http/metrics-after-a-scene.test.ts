import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld, essayThreadsIn } from '../../support/bot-world.js';
import { scrapeMetrics } from './scrape.js';

// An operator's view of a course's day: they scrape /metrics over HTTP (as Prometheus does) after an essay
// becomes a thread, a reply is mirrored, and the blog goes down for a while, and read what moved.
// Expected values come from the other side of each call: the emulator's and the blog's own request logs,
// the database's outbox, and the number of polls this test ran.

let world: BotWorld;
let metricsUrl: string;
let courseId: string;

beforeAll(async () => {
  world = await startBotWorld({ http: true });
  metricsUrl = world.bot.http!.url;
  await world.setupCourse();
  courseId = (await world.testDb.db.course.findFirstOrThrow({ select: { id: true } })).id;
});
afterAll(() => world?.close());

const pendingInDb = (kind: string) => world.testDb.db.outboxItem.count({ where: { status: 'pending', kind } });

describe('/metrics after a scene, as an operator reads it', () => {
  it('an essay that became a thread and a mirrored reply show as done effects, blog and Discord requests, and an empty outbox', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'The Thaw, revisited', content: '<p>Khrushchev’s speech — and after.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    world.emu.as(world.studentIds[1]).postMessage(thread.id, { content: 'The speech was read aloud in party cells — who heard it?' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();

    const m = await scrapeMetrics(metricsUrl);
    expect(m.get('coursethreads_effects_total', { kind: 'discord.create_essay_thread', outcome: 'done' })).toBe(essayThreadsIn(world, world.forumId).length);
    expect(m.get('coursethreads_effects_total', { kind: 'blog.create_comment', outcome: 'done' })).toBe(
      world.wp.state.comments.filter((c) => c.postId === post.id).length,
    );
    expect(m.sum('coursethreads_outbox_pending')).toBe(await world.testDb.db.outboxItem.count({ where: { status: 'pending' } }));
    expect(m.sum('coursethreads_outbox_pending')).toBe(0);
    // Two polls ran (two syncNow), both fine.
    expect(m.get('coursethreads_poll_duration_seconds_count', { course: courseId })).toBe(2);
    expect(m.get('coursethreads_poll_errors_total', { course: courseId })).toBe(0);
    // Every blog request the bot made for this course, as the blog itself logged them.
    const botRequests = world.wp.requests.filter((r) => r.user === world.wp.users.bot.login);
    const answered = botRequests.filter((r) => typeof r.status === 'number' && r.status < 400).length;
    expect(m.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'ok' })).toBeGreaterThan(0);
    expect(m.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'ok' })).toBeLessThanOrEqual(answered);
    // Discord: the forum post and the thread's webhook message, by route bucket, as the emulator saw them.
    expect(m.sum('coursethreads_discord_rest_requests_total', { method: 'POST', route: '/channels/:id/threads' })).toBe(
      world.emu.requestsFor('POST', '/channels/{channel_id}/threads').length,
    );
    expect(m.sum('coursethreads_discord_rest_requests_total', { method: 'POST', route: '/channels/:id/threads' })).toBeGreaterThan(0);
    expect(m.get('coursethreads_gateway_ready', { shard: '0' })).toBe(1);
    expect(m.get('coursethreads_leases_held')).toBe(1);
    // No label carries the course's name, a student's name or the blog's address.
    for (const secretish of ['HIST 214', 'Alice Student', 'Bob Student', world.wp.url, 'student1']) expect(m.text).not.toContain(secretish);
  });

  it('a course whose blog is down shows a failed poll, failed blog requests and a reply waiting in the outbox, then recovers', async () => {
    const before = await scrapeMetrics(metricsUrl);
    const thread = essayThreadsIn(world, world.forumId)[0]!;
    await world.wp.goDown();
    world.emu.as(world.studentIds[0]).postMessage(thread.id, { content: 'Posting while the blog is down — does it wait?' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 2, 5_000, 'reply recorded');
    await world.bot.syncNow();

    const down = await scrapeMetrics(metricsUrl);
    expect(down.get('coursethreads_poll_errors_total', { course: courseId }) - before.get('coursethreads_poll_errors_total', { course: courseId })).toBe(1);
    expect(down.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'network' })).toBeGreaterThan(
      before.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'network' }),
    );
    expect(down.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'ok' })).toBe(
      before.get('coursethreads_blog_requests_total', { course: courseId, outcome: 'ok' }),
    );
    expect(down.get('coursethreads_effects_total', { kind: 'blog.create_comment', outcome: 'failed' })).toBe(1);
    expect(down.get('coursethreads_outbox_pending', { kind: 'blog.create_comment' })).toBe(await pendingInDb('blog.create_comment'));
    expect(down.get('coursethreads_outbox_pending', { kind: 'blog.create_comment' })).toBe(1);
    expect(down.get('coursethreads_outbox_oldest_pending_seconds', { kind: 'blog.create_comment' })).toBeGreaterThan(0);

    await world.wp.comeUp();
    // The retry waits for its backoff: the operator's "retry now" is /sync retry; here the test moves past it.
    await world.testDb.db.outboxItem.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(0) } });
    await world.bot.syncNow();
    const up = await scrapeMetrics(metricsUrl);
    expect(up.get('coursethreads_outbox_pending', { kind: 'blog.create_comment' })).toBe(0);
    expect(up.get('coursethreads_outbox_oldest_pending_seconds', { kind: 'blog.create_comment' })).toBe(0);
    expect(up.get('coursethreads_effects_total', { kind: 'blog.create_comment', outcome: 'done' })).toBe(world.wp.state.comments.length);
    expect(up.get('coursethreads_poll_errors_total', { course: courseId })).toBe(down.get('coursethreads_poll_errors_total', { course: courseId }));
  });

  it('a 429 from Discord is counted by route bucket, as often as Discord sent it', async () => {
    const before = await scrapeMetrics(metricsUrl);
    world.emu.failNext({ method: 'POST', routeMatch: '/channels/{channel_id}/threads', status: 429, retryAfterSeconds: 1 });
    await world.wp.as('student2').publishPost({ title: 'Samizdat and its readers', content: '<p>Copies of copies.</p>' });
    await world.bot.syncNow();
    const after = await scrapeMetrics(metricsUrl);
    const limited = world.emu.requestsFor('POST', '/channels/{channel_id}/threads').filter((r) => r.status === 429).length;
    expect(limited).toBe(1);
    expect(
      after.sum('coursethreads_discord_rest_requests_total', { route: '/channels/:id/threads', status: '429' }) -
        before.sum('coursethreads_discord_rest_requests_total', { route: '/channels/:id/threads', status: '429' }),
    ).toBe(limited);
    expect(after.sum('coursethreads_discord_rest_rate_limited_total', { route: '/channels/:id/threads' })).toBeGreaterThanOrEqual(limited);
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(2);
  });
});
