import { afterEach, expect, it } from 'vitest';
import { startPushWorldWithEssay, type PushWorld } from './push-world.js';

let world: PushWorld;
afterEach(() => world?.close());

const DAY = 86_400_000;

it('a comment on an essay older than the poll’s recent window, pushed by the plugin, appears in the thread without waiting for the 6-hourly sweep', async () => {
  const scene = await startPushWorldWithEssay({ title: 'An essay from early in term', content: '<p>Old but still read.</p>' });
  world = scene.world;
  const { clock, post, mirrored } = scene;

  // Two months on, the essay is far outside the comment poll's recent window (45 days); a poll runs (and its
  // periodic full sweep with it), so the next sweep is hours away.
  clock.advance(60 * DAY);
  await world.bot.syncNow();
  const comment = await world.wp.as('student2').comment(post.id, '<p>Found this late — “still relevant”.</p>');

  const answer = await world.send(
    { event: 'comment.created', id: comment.json.id as number, postId: post.id },
    { timestamp: Math.floor(clock.now().getTime() / 1000) },
  );
  expect(answer.status).toBe(202);
  await world.emu.waitFor(
    () => mirrored().some((c) => c.includes('Found this late — “still relevant”.')),
    10_000,
    'the late comment in the old essay’s thread',
  );
  expect(mirrored().filter((c) => c.includes('Found this late'))).toHaveLength(1);
}, 60_000);
