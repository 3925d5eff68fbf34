import { afterEach, expect, it } from 'vitest';
import { courseSyncJob } from '../../../src/jobs/course-sync-job.js';
import { startPushWorldWithEssay, type PushWorld } from './push-world.js';

let world: PushWorld;
afterEach(() => world?.close());

const MINUTE = 60_000;

/**
 * A push world whose essay was polled by the scheduled course tick, which the test drives by hand on the manual
 * clock (PUSH_POLL_MINUTES = 15; the course polls every 2).
 */
async function startWithScheduledTicks(title: string) {
  const job = courseSyncJob({ pushPollMinutes: 15 });
  const tick = (w: PushWorld) => job.tick(w.bot.ctx, 'scheduled');
  const scene = await startPushWorldWithEssay({ title, content: '<p>Essay.</p>' }, tick);
  world = scene.world;
  return { ...scene, scheduledTick: () => tick(scene.world) };
}

it('while the blog pushes, the poll waits PUSH_POLL_MINUTES; once pushes stop for that long, the course’s own 2-minute poll returns', async () => {
  const { clock, post, scheduledTick, mirrored } = await startWithScheduledTicks('Polled slowly while pushed');

  // The plugin is working: a real change was pushed (and its woken sync has finished).
  expect((await world.send({ event: 'post.updated', id: post.id }, { timestamp: Math.floor(clock.now().getTime() / 1000) })).status).toBe(202);
  await world.bot.syncNow();
  await world.wp.as('student2').comment(post.id, '<p>A comment whose push was lost.</p>');
  clock.advance(3 * MINUTE); // past the course's own interval
  await scheduledTick();
  expect(mirrored()).toEqual([]); // the slowed poll has not come round yet

  clock.advance(13 * MINUTE); // 16 minutes after the last push: the poll catches what the lost push missed
  await scheduledTick();
  expect(mirrored().join('\n')).toContain('A comment whose push was lost.');

  await world.wp.as('student2').comment(post.id, '<p>Pushes have stopped.</p>');
  clock.advance(3 * MINUTE); // no push for 19 minutes: back to every 2 minutes
  await scheduledTick();
  expect(mirrored().join('\n')).toContain('Pushes have stopped.');
}, 60_000);

it('the plugin’s "Send test" (a ping) does not slow the poll: a comment whose push was lost still appears at the course’s own 2-minute poll', async () => {
  const { clock, post, scheduledTick, mirrored } = await startWithScheduledTicks('Tested, not yet pushed');

  expect((await world.send({ event: 'ping', id: 0 }, { timestamp: Math.floor(clock.now().getTime() / 1000) })).status).toBe(202);
  await world.wp.as('student2').comment(post.id, '<p>Commented right after the test.</p>');
  clock.advance(3 * MINUTE);
  await scheduledTick();
  expect(mirrored().join('\n')).toContain('Commented right after the test.');
}, 60_000);
