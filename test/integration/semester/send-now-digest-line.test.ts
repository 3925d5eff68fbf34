// /reminders send-now ends with a line about the staff digest. Staff must read a sentence there, not an
// internal code such as "nothing_overdue". Driven the way staff do it: a slash command in the staff channel.
import { afterEach, expect, it } from 'vitest';
import { localInput, startReminderScene, type ReminderScene } from './reminder-scene.js';

let scene: ReminderScene | undefined;
afterEach(async () => {
  await scene?.world.close();
  scene = undefined;
});

const H = 3_600_000;

it('send-now before any review is overdue tells staff in words that the digest had nothing to post', async () => {
  scene = await startReminderScene();
  const { world: w, clock, dueAt } = scene;
  // Noon in the course's zone (past the 09:00 digest hour), a day or more before the round is due: nothing is overdue.
  let at = new Date(clock.now().getTime() + 24 * H);
  while (!localInput(at).endsWith(' 12:00')) at = new Date(at.getTime() + 60_000);
  expect(at.getTime()).toBeLessThan(dueAt.getTime());
  clock.set(at);

  const reply = await scene.run(w.instructorId, 'reminders', 'send-now');

  const digestLine = reply.content.split('\n').find((l) => l.startsWith('Staff digest:'));
  expect(digestLine).toBe('Staff digest: nothing to post today, no review is overdue.');
  expect(reply.content).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
});
