// Issue 12 item 7a: /reminders preview is a dry run of exactly what /reminders send-now then sends,
// grouped by student with essay titles, flagging who has no Discord account or closed DMs, and
// send-now names who was reminded and where. The truth comes from the scene: the roster and the
// round staff confirmed (who reviews which essay), and what the emulator shows people afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { NAMES, reminderThreads, startReminderScene, type ReminderScene } from './reminder-scene.js';

let scene: ReminderScene | undefined;
afterEach(async () => {
  await scene?.world.close();
  scene = undefined;
});

const H = 3_600_000;
type Where = 'dm' | 'thread' | 'unreachable';

/** Staff's view of a preview or send-now reply: student name → where it goes and which essays. */
function byStudent(content: string): Map<string, { where: Where; thread: string | null; titles: string[] }> {
  const out = new Map<string, { where: Where; thread: string | null; titles: string[] }>();
  for (const m of content.matchAll(/\*\*(.+?)\*\* → ([^\n]+)((?:\n• [^\n]+)*)/g)) {
    const where: Where = m[2]!.startsWith('⛔')
      ? 'unreachable'
      : m[2]!.includes('reminder thread')
        ? 'thread'
        : m[2]!.startsWith('DM')
          ? 'dm'
          : (() => {
              throw new Error(`where? ${m[2]}`);
            })();
    out.set(m[1]!, { where, thread: /<#(\d+)>/.exec(m[2]!)?.[1] ?? null, titles: [...m[3]!.matchAll(/“(.+?)”/g)].map((t) => t[1]!) });
  }
  return out;
}

describe('/reminders preview and send-now', () => {
  it('the preview lists exactly the reminders send-now then delivers, by student, flagging closed DMs and a student without Discord', async () => {
    scene = await startReminderScene();
    const { world: w, clock, ids, dueAt, assigned } = scene;
    clock.set(new Date(dueAt.getTime() - 47 * H));
    await scene.run(w.instructorId, 'reminders', 'send-now'); // the 48 h stage: Discord refuses Carol's DM (50007)

    clock.set(new Date(dueAt.getTime() - 23 * H)); // the 24 h stage
    const thread = reminderThreads(w)[0]!;
    const expected = new Map<string, { where: Where; thread: string | null; titles: string[] }>([
      [NAMES.alice, { where: 'dm', thread: null, titles: [assigned.get(NAMES.alice)!] }],
      [NAMES.bob, { where: 'dm', thread: null, titles: [assigned.get(NAMES.bob)!] }],
      [NAMES.carol, { where: 'thread', thread: thread.id, titles: [assigned.get(NAMES.carol)!] }],
      [NAMES.dan, { where: 'unreachable', thread: null, titles: [assigned.get(NAMES.dan)!] }],
    ]);
    const dmsBefore = { alice: w.emu.dmsTo(ids.alice).length, bob: w.emu.dmsTo(ids.bob).length };
    const threadBefore = w.emu.messagesIn(thread.id).length;

    const preview = await scene.run(w.instructorId, 'reminders', 'preview');
    expect(preview.ephemeral).toBe(true);
    expect(preview.content).toContain('nothing was sent');
    expect(byStudent(preview.content)).toEqual(expected);
    expect(preview.content).toMatch(/\*\*Carol Student\*\* → reminder thread <#\d+> \(DMs closed/);
    expect(preview.content).toMatch(/\*\*Dan Student\*\* → ⛔ cannot be reached: no Discord account on the roster.*\/roster import/);
    // A dry run: nobody got anything from the preview.
    expect(w.emu.dmsTo(ids.alice)).toHaveLength(dmsBefore.alice);
    expect(w.emu.messagesIn(thread.id)).toHaveLength(threadBefore);

    const sent = await scene.run(w.instructorId, 'reminders', 'send-now');
    expect(sent.ephemeral).toBe(true);
    expect(byStudent(sent.content)).toEqual(expected);
    expect(sent.content).toContain('3 reminder(s) sent');
    expect(sent.content).toContain('1 not delivered');

    // What the students see matches the preview line by line.
    const newDms = { alice: w.emu.dmsTo(ids.alice).slice(dmsBefore.alice), bob: w.emu.dmsTo(ids.bob).slice(dmsBefore.bob) };
    expect(newDms.alice).toHaveLength(1);
    expect(newDms.alice[0]!.content).toContain(`“${assigned.get(NAMES.alice)}”`);
    expect(newDms.bob).toHaveLength(1);
    expect(newDms.bob[0]!.content).toContain(`“${assigned.get(NAMES.bob)}”`);
    const inThread = w.emu.messagesIn(thread.id).slice(threadBefore);
    expect(inThread).toHaveLength(1);
    expect(inThread[0]!.content).toContain(`<@${ids.carol}>`);
    expect(inThread[0]!.content).toContain(`“${assigned.get(NAMES.carol)}”`);
    expect(w.emu.dmsTo(ids.carol)).toHaveLength(0);

    // Sent once: a second preview has nothing left to send.
    expect((await scene.run(w.instructorId, 'reminders', 'preview')).content).toContain('Nobody would be reminded now');
  });
});
