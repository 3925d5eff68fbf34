import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthReport } from '../../../src/reports/health-report.js';
import { refuseAuditEntries } from '../../support/failing-audit-insert.js';
import { mirroredInto, newDeliveryId, startPushWorld, type PushWorld } from './push-world.js';

let world: PushWorld;
beforeEach(async () => {
  world = await startPushWorld();
});
afterEach(() => world?.close());

/** A student's essay, already announced in its thread by an ordinary poll. */
async function essayWithThread(title: string) {
  const post = await world.wp.as('student1').publishPost({ title, content: '<p>An essay — with “quotes”.</p>' });
  await world.bot.syncNow();
  const thread = world.emu.threadsIn(world.forumId).find((t) => t.name === title);
  if (!thread) throw new Error('the essay thread was not created by the poll');
  return { postId: post.id, threadId: thread.id };
}

const mirrored = (threadId: string) => mirroredInto(world, threadId);

describe('the blog tells the bot at once', () => {
  it('a blog comment shows up in its thread after the plugin’s notification, without waiting for a poll', async () => {
    const { postId, threadId } = await essayWithThread('Push makes it instant');
    const comment = await world.wp.as('student2').comment(postId, '<p>Instant — “really”.</p>');

    const answer = await world.send({ event: 'comment.created', id: comment.json.id as number, postId });

    expect(answer).toMatchObject({ status: 202, json: { ok: true, course: 'HIST 214' } });
    await world.emu.waitFor(() => mirrored(threadId).some((c) => c.includes('Instant — “really”.')), 10_000, 'the comment in the thread');
    expect(mirrored(threadId).filter((c) => c.includes('Instant'))).toHaveLength(1);
  });

  it('an essay published right after setup, before any poll, gets its thread after the plugin’s notification', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'Published and pushed', content: '<p>Fresh.</p>' });
    expect((await world.send({ event: 'post.published', id: post.id })).status).toBe(202);
    await world.emu.waitFor(() => world.emu.threadsIn(world.forumId).some((t) => t.name === 'Published and pushed'), 10_000, 'the thread');
  });

  it('the plugin’s "send test" is answered with the course name and shows in /course show as a push received', async () => {
    const answer = await world.send({ event: 'ping', id: 0 });
    expect(answer).toMatchObject({ status: 202, json: { ok: true, course: 'HIST 214' } });
    expect(await world.staffCommand('course', 'show')).toMatch(/Push: ✅ last push <t:\d+:R>/);
    expect(world.wakes).toEqual([]); // a test changes nothing on the blog: no sync
  });
});

describe('forged, stale, replayed, oversized and unknown notifications change nothing', () => {
  it('a notification signed with the wrong secret is refused, and staff see why in /course show and /report health', async () => {
    const { postId, threadId } = await essayWithThread('Forged pushes');
    await world.wp.as('student2').comment(postId, '<p>Not yet mirrored.</p>');

    const answer = await world.send({ event: 'comment.created', id: 1, postId }, { secret: 'f'.repeat(64) });

    expect(answer).toEqual({ status: 401, json: { error: 'bad_signature' }, retryAfter: null });
    expect(world.wakes).toEqual([]);
    expect(mirrored(threadId)).toEqual([]);
    expect(await world.staffCommand('course', 'show')).toContain('last refused');
    const course = await world.bot.ctx.db.course.findFirstOrThrow({ select: { id: true } });
    expect((await healthReport({ db: world.bot.ctx.db, chat: world.bot.ctx.chat }, course.id, new Date())).join('\n')).toMatch(/Push\*\*: .*bad signature/);
  });

  it('a correctly signed notification from more than five minutes ago is refused as stale', async () => {
    const answer = await world.send({ event: 'ping', id: 0 }, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: 'stale_timestamp' });
    const future = await world.send({ event: 'ping', id: 0 }, { timestamp: Math.floor(Date.now() / 1000) + 301 });
    expect(future.json).toEqual({ error: 'stale_timestamp' });
  });

  it('a replayed delivery id is answered as a duplicate and does not wake the sync again, even from a restarted endpoint', async () => {
    const deliveryId = newDeliveryId();
    const first = await world.send({ event: 'post.updated', id: 5 }, { deliveryId });
    const again = await world.send({ event: 'post.updated', id: 5 }, { deliveryId });
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect(world.wakes).toHaveLength(1);
    // The delivery ids live in the database: a fresh endpoint (another process, a restart) refuses it too.
    await world.app.close();
    const restarted = await startPushWorldSharing(world);
    expect((await restarted.send({ event: 'post.updated', id: 5 }, { deliveryId })).json).toEqual({ ok: true, duplicate: true });
    await restarted.close();
  });

  it('a body over 4 KiB is refused with 413 before anything else', async () => {
    const rawBody = JSON.stringify({ v: 1, event: 'ping', id: 0, modified: null, site: 'x'.repeat(5_000) });
    const answer = await world.send({ event: 'ping', id: 0 }, { rawBody });
    expect(answer.status).toBe(413);
    expect(world.wakes).toEqual([]);
  });

  it('an unknown course key is 404 and says nothing about why', async () => {
    const unknown = await world.send({ event: 'ping', id: 0 }, { url: world.pushUrl.replace(/[^/]+$/, 'AAAAAAAAAAAAAAAAAAAAAAAA') });
    const malformed = await world.send({ event: 'ping', id: 0 }, { url: world.pushUrl.replace(/[^/]+$/, 'x') });
    expect(unknown).toEqual({ status: 404, json: { error: 'not_found' }, retryAfter: null });
    expect(malformed).toEqual(unknown);
  });

  it('after /course push rotate:true the old secret is refused and the new one works', async () => {
    const shown = await world.staffCommand('course', 'push', { rotate: true });
    const fresh = /`([0-9a-f]{64})`/.exec(shown)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(world.secret);
    expect((await world.send({ event: 'ping', id: 0 })).json).toEqual({ error: 'bad_signature' });
    expect((await world.send({ event: 'ping', id: 0 }, { secret: fresh })).status).toBe(202);
  });

  it('a rotation that cannot be recorded keeps the old secret working and tells staff nothing was changed', async () => {
    // The database refuses the rotation's audit entry, written after the new secret.
    await refuseAuditEntries(world.testDb.db, 'course.push_rotate');
    const shown = await world.staffCommand('course', 'push', { rotate: true });
    expect(shown).toContain('Nothing was changed');
    expect(shown).not.toMatch(/`[0-9a-f]{64}`/);
    expect((await world.send({ event: 'ping', id: 0 })).status).toBe(202);
  });
});

/** Another endpoint on the same database and bot (as a second process or a restart would serve it). */
async function startPushWorldSharing(base: PushWorld) {
  const { default: Fastify } = await import('fastify');
  const { pushRoutes } = await import('../../../src/http/push/push-routes.js');
  const ctx = base.bot.ctx;
  const app = Fastify();
  await app.register(pushRoutes({ db: ctx.db, secrets: ctx.secrets, clock: ctx.clock, log: ctx.log, wake: (id) => base.wakes.push(id) }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const key = base.pushUrl.split('/').pop()!;
  return {
    send: (n: Parameters<PushWorld['send']>[0], o: Parameters<PushWorld['send']>[1] = {}) => base.send(n, { ...o, url: `${url}/push/v1/${key}` }),
    close: () => app.close(),
  };
}
