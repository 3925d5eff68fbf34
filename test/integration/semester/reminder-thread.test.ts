// Issue 12 item 5: reminders that go to the channel (chosen, or because DMs are closed) land in a thread
// the bot opens in the course channel at setup, where students can read them; never in the staff channel.
import { afterEach, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { deleteThread, reminderThreads, startReminderScene, type ReminderScene } from './reminder-scene.js';

let world: BotWorld | undefined;
let scene: ReminderScene | undefined;
afterEach(async () => {
  await (scene?.world ?? world)?.close();
  scene = undefined;
  world = undefined;
});

const H = 3_600_000;

describe('the course reminder thread', () => {
  it('/course setup opens one "Review reminders" post in the course forum, next to the essays, that says what it is for', async () => {
    world = await startBotWorld();
    const reply = await world.setupCourse();
    const threads = reminderThreads(world);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.parent_id).toBe(world.forumId);
    const starter = world.emu.messagesIn(threads[0]!.id)[0]!;
    expect(starter.content).toContain('peer review reminders');
    expect(starter.content).toContain('/reminders mode');
    expect(reply).toContain(`<#${threads[0]!.id}>`);
  });

  it('a student whose DMs are closed is reminded in the reminder thread, never in the staff channel', async () => {
    scene = await startReminderScene();
    const { world: w, clock, ids, dueAt, assigned } = scene;
    clock.set(new Date(dueAt.getTime() - 47 * H)); // the 48 h stage has come
    const sent = await scene.run(w.instructorId, 'reminders', 'send-now');
    expect(sent.ephemeral).toBe(true);
    const thread = reminderThreads(w)[0]!;
    expect(thread, 'a reminder thread in the course forum').toBeDefined();

    expect(w.emu.dmsTo(ids.carol)).toHaveLength(0);
    const forCarol = w.emu.messagesIn(thread.id).filter((m) => m.content.includes(`<@${ids.carol}>`));
    expect(forCarol).toHaveLength(1);
    expect(forCarol[0]!.content).toContain(`“${assigned.get('Carol Student')}”`);
    expect(forCarol[0]!.pinged.users).toEqual([ids.carol]);
    expect(w.emu.messagesIn(w.staffChannelId).filter((m) => m.content.includes(ids.carol))).toHaveLength(0);
  });

  it('a reminder thread someone deleted is opened again on the next reminder that needs it, and only one', async () => {
    scene = await startReminderScene();
    const { world: w, clock, ids, dueAt } = scene;
    const first = reminderThreads(w)[0]!;
    deleteThread(w, first.id);
    expect(reminderThreads(w)).toHaveLength(0);

    clock.set(new Date(dueAt.getTime() - 47 * H));
    await scene.run(w.instructorId, 'reminders', 'send-now');
    const again = reminderThreads(w);
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(first.id);
    expect(w.emu.messagesIn(again[0]!.id).filter((m) => m.content.includes(`<@${ids.carol}>`))).toHaveLength(1);

    clock.set(new Date(dueAt.getTime() - 23 * H)); // the 24 h stage: the new thread is used, no third one
    await scene.run(w.instructorId, 'reminders', 'send-now');
    expect(reminderThreads(w).map((t) => t.id)).toEqual([again[0]!.id]);
    expect(w.emu.messagesIn(again[0]!.id).filter((m) => m.content.includes(`<@${ids.carol}>`))).toHaveLength(2);
    expect(w.emu.messagesIn(w.staffChannelId).filter((m) => m.content.includes(ids.carol))).toHaveLength(0);
  });
});
