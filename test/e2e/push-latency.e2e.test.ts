// Issue 15's "done means": with the companion plugin linked, blog changes reach Discord in seconds while
// the bot runs normally (real scheduler, poll interval left at its default of 2 minutes). Each wait is
// 30 s, far below that interval: one event may meet a poll by chance, but four in a row cannot (checked:
// with the plugin's URL left empty, the edit waited out its 30 s and the test failed). The bench prints
// the poll-only figure beside the pushed one. Latencies are printed, never asserted.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deletePosts, removePlugin } from './wordpress-plugin-install.js';
import { runFourEvents, startPushedWorld, type PushedWorld } from './push-latency-world.js';

const site = inject('wordpress');
let pushed: PushedWorld;

beforeAll(async () => {
  pushed = await startPushedWorld(site, inject('wordpressDir'));
}, 90_000);

afterAll(async () => {
  await pushed?.close();
  await removePlugin(site);
  if (pushed) await deletePosts(site, pushed.written);
});

describe('blog changes reach Discord by push, with polling left at its default', () => {
  it('the plugin’s Send test, with the URL and secret /course push gave staff, is accepted by the bot', async () => {
    expect(pushed.sendTestAnswer).toContain('The bot answered HTTP 202');
    const course = await pushed.world.testDb.db.course.findFirstOrThrow({ select: { pollIntervalMinutes: true } });
    expect(course.pollIntervalMinutes).toBe(2);
  });

  it('a published essay, a blog comment, its edit and its deletion each show in the thread within 30 s', async () => {
    const latencies = await runFourEvents(site, pushed, 'e2e', 30_000);
    process.stdout.write(
      `[push-latency] post->thread ${latencies.published.toFixed(0)} ms, comment->message ${latencies.commentCreated.toFixed(0)} ms, edit->edited ${latencies.commentEdited.toFixed(0)} ms, delete->gone ${latencies.commentDeleted.toFixed(0)} ms\n`,
    );
  }, 150_000);
});
