// Issue 12 item 6: the minimum words of a review is a course setting staff change with /course settings,
// and a round can ask for its own (min_words on /reviews assign); /status and every reminder state it,
// and completion follows it. An unlinked student's /status says how to link, step by step.
import { afterEach, describe, expect, it } from 'vitest';
import { ESSAYS, NAMES, startReminderScene, type ReminderScene } from './reminder-scene.js';

let scene: ReminderScene | undefined;
afterEach(async () => {
  await scene?.world.close();
  scene = undefined;
});

const H = 3_600_000;
/** A reply of exactly n words (plain words separated by single spaces: every counter agrees on n). */
const words = (n: number) => Array.from({ length: n }, (_, i) => ['the', 'thaw', 'changed', 'what', 'people', 'dared', 'to', 'say'][i % 8]).join(' ');

/** Alice replies in the thread of the essay she reviews, and the bot has mirrored it to the blog. */
async function aliceReplies(s: ReminderScene, n: number): Promise<void> {
  const w = s.world;
  expect(s.assigned.get(NAMES.alice)).toBe(ESSAYS.bob); // the only essay that is not her own
  const thread = w.emu.findThreadByName(ESSAYS.bob, w.forumId)!;
  const text = words(n);
  w.emu.as(s.ids.alice).postMessage(thread.id, { content: text });
  // As staff would with /sync now: the bot delivers what it has recorded until the reply is on the blog.
  await w.emu.waitFor(
    async () => {
      await w.bot.syncNow();
      return w.wp.state.comments.find((c) => c.content.includes(text));
    },
    15_000,
    'the reply on the blog',
  );
}

const status = (s: ReminderScene, userId: string) => s.run(userId, 'status');

describe('minimum words of a review', () => {
  it(
    'staff raise the course minimum with /course settings: a shorter reply no longer completes the review, and /status and the reminder say so',
    { timeout: 90_000 },
    async () => {
      scene = await startReminderScene();
      const { world: w, clock, ids, dueAt } = scene;
      const set = await scene.run(w.instructorId, 'course', 'settings', { min_words: 40 });
      expect(set.ephemeral).toBe(true);
      expect(set.content).toContain('at least 40 words');

      await aliceReplies(scene, 30);
      clock.set(new Date(dueAt.getTime() - 47 * H));
      await scene.run(w.instructorId, 'reminders', 'send-now');
      const dm = w.emu.dmsTo(ids.alice).at(-1)!;
      expect(dm.content).toContain(`“${ESSAYS.bob}”`);
      expect(dm.content).toContain('at least 40 words');
      const before = await status(scene, ids.alice);
      expect(before.ephemeral).toBe(true);
      expect(before.content).toContain('at least 40 words');
      expect(before.content).toMatch(new RegExp(`⏳ pending — “${ESSAYS.bob}”`));

      await aliceReplies(scene, 41);
      clock.set(new Date(dueAt.getTime() - 23 * H));
      const dmsBefore = w.emu.dmsTo(ids.alice).length;
      await scene.run(w.instructorId, 'reminders', 'send-now');
      expect(w.emu.dmsTo(ids.alice)).toHaveLength(dmsBefore); // done: no 24 h reminder
      expect((await status(scene, ids.alice)).content).toMatch(new RegExp(`✅ done — “${ESSAYS.bob}”`));
    },
  );

  it('a round with its own min_words states it in reminders and /status, and completes only with that many words', { timeout: 90_000 }, async () => {
    scene = await startReminderScene({ roundOptions: { min_words: 60 } });
    const { world: w, clock, ids, dueAt } = scene;
    await aliceReplies(scene, 45); // more than the course's 25, fewer than the round's 60
    clock.set(new Date(dueAt.getTime() - 47 * H));
    await scene.run(w.instructorId, 'reminders', 'send-now');
    const dm = w.emu.dmsTo(ids.alice).at(-1)!;
    expect(dm.content).toContain('at least 60 words');
    expect(dm.content).not.toContain('at least 25 words');
    const mine = await status(scene, ids.alice);
    expect(mine.content).toContain('at least 60 words');
    expect(mine.content).toMatch(new RegExp(`⏳ pending — “${ESSAYS.bob}”`));
  });

  it('an unlinked student’s /status says their blog comments cannot count until they link, and the exact steps', async () => {
    scene = await startReminderScene();
    const carol = await status(scene, scene.ids.carol);
    expect(carol.ephemeral).toBe(true);
    expect(carol.content).toContain('cannot count for you until you link it');
    expect(carol.content).toContain('1. Run `/link claim` with `blog_username:` set to your username on the class blog.');
    expect(carol.content).toContain('2. Log in to the blog and post the code it gives you as a comment on any post or page.');
    expect(carol.content).toContain('3. Within a few minutes the bot links your account and tells you by DM; /status then says it is linked.');
    const alice = await status(scene, scene.ids.alice);
    expect(alice.content).not.toContain('/link claim');
  });
});
