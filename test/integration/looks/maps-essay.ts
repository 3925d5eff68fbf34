// The scene of the reply-attachment tests: a course on a manual clock and Alice's essay “Maps of the thaw” in
// its thread, where students reply with pictures that the bot copies to the blog.
import { ManualClock } from '../../../src/shared/clock.js';
import type { BotWorld } from '../../support/bot-world.js';
import { publishEssayThread, startCourseWorld } from '../../support/course-world.js';

/** `beforeEssay` runs once the course is set up, before the essay is published (a roster entry, say). */
export async function startMapsEssay(options: { beforeEssay?: (world: BotWorld) => Promise<unknown> } = {}) {
  const clock = new ManualClock(new Date());
  const world = await startCourseWorld({ clock });
  await options.beforeEssay?.(world);
  const { postId, threadId } = await publishEssayThread(world, 'Maps of the thaw');
  return {
    world,
    threadId,
    /** The essay's comments on the blog: where the thread's replies land. */
    replyComments: () => world.wp.state.comments.filter((c) => c.postId === postId),
    /** Syncs (moving the bot's clock past any retry delay) until `seen` holds. */
    syncUntil: (seen: () => boolean | Promise<boolean>, what: string) =>
      world.emu.waitFor(
        async () => {
          clock.advance(10 * 60_000);
          await world.bot.syncNow();
          return seen();
        },
        20_000,
        what,
      ),
  };
}

export type MapsEssay = Awaited<ReturnType<typeof startMapsEssay>>;

/** A small PNG-like file whose bytes are unique to its label, so the copy on the blog can be compared byte for byte. */
export const picture = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`map of ${label}`)]);
