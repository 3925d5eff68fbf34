// A small class that staff set up the way people do, for the reminder tests: /course setup, a roster CSV
// (Alice and Bob with blog accounts, Carol whose DMs are closed, Dan who has no Discord account), two
// essays published on the blog, and a review round of one review each confirmed with its button.
// The clock is the bot's own (ManualClock): tests move it to a stage's time and run /reminders.
import { REMINDER_THREAD_NAME } from '../../../src/reminders/reminder-thread.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import type { InteractionResponseView } from '../../../src/offline/discord-emulator/interaction-tracker.js';

export const NAMES = { alice: 'Alice Student', bob: 'Bob Student', carol: 'Carol Student', dan: 'Dan Student' } as const;
export const ESSAYS = { alice: 'Alice on the Thaw', bob: 'Bob on the Gulag' } as const;

export interface ReminderScene {
  world: BotWorld;
  clock: ManualClock;
  ids: { alice: string; bob: string; carol: string };
  dueAt: Date;
  /** Who reviews which essay, read from the round preview staff confirmed: student name → essay title. */
  assigned: Map<string, string>;
  run(userId: string, name: string, subcommand?: string, options?: Record<string, unknown>): Promise<InteractionResponseView>;
}

/** 'YYYY-MM-DD HH:MM' of an instant in the course's zone, as staff type it into /reviews assign. */
export function localInput(at: Date, timeZone = 'America/Chicago'): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export async function startReminderScene(
  options: { roundOptions?: Record<string, unknown>; courseOptions?: Record<string, unknown> } = {},
): Promise<ReminderScene> {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 60_000) * 60_000));
  const world = await startBotWorld({ clock });
  await world.setupCourse();
  const [alice, bob] = world.studentIds;
  const carol = world.emu.createUser({ username: 'carol', globalName: NAMES.carol }).id;
  world.emu.addMember(world.guildId, carol);
  const run = (userId: string, name: string, subcommand?: string, opts: Record<string, unknown> = {}) =>
    world.emu
      .as(userId)
      .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, ...(subcommand ? { subcommand } : {}), options: opts as never })
      .response(20_000);

  const roster = [
    'name,email,discord,blog username',
    `${NAMES.alice},alice@uni.edu,${alice},student1`,
    `${NAMES.bob},bob@uni.edu,${bob},student2`,
    `${NAMES.carol},carol@uni.edu,${carol},`,
    `${NAMES.dan},dan@uni.edu,,`,
  ].join('\n');
  const imported = await run(world.instructorId, 'roster', 'import', {
    file: { attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from(`${roster}\n`) } },
  });
  if (!/4/.test(imported.content)) throw new Error(`roster import: ${imported.content}`);
  await world.wp.as('student1').publishPost({ title: ESSAYS.alice, content: '<p>Khrushchev and the thaw.</p>' });
  await world.wp.as('student2').publishPost({ title: ESSAYS.bob, content: '<p>The camps after 1953.</p>' });
  await run(world.instructorId, 'sync', 'now');

  const dueAt = new Date(clock.now().getTime() + 72 * 3_600_000);
  const preview = await run(world.instructorId, 'reviews', 'assign', { name: 'Week 1', due: localInput(dueAt), reviews: 1, ...options.roundOptions });
  const confirmId = /"custom_id":"(reviews:confirm:[^"]+)"/.exec(JSON.stringify(preview.components))?.[1];
  if (!confirmId) throw new Error(`round preview: ${preview.content}`);
  // Carol keeps her DMs closed all term (the round's notice included); Discord refuses every DM to her with 50007.
  world.emu.setDmClosed(carol);
  const confirmed = await world.emu
    .as(world.instructorId)
    .pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: preview.messageId!, customId: confirmId })
    .response(20_000);
  if (!confirmed.content.includes('created')) throw new Error(`round confirm: ${confirmed.content}`);
  const assigned = new Map<string, string>();
  for (const m of preview.content.matchAll(/• (.+?) → “(.+?)”/g)) assigned.set(m[1]!, m[2]!);
  if (assigned.size !== 4) throw new Error(`round preview lines: ${preview.content}`);
  return { world, clock, ids: { alice, bob, carol }, dueAt, assigned, run };
}

/** The bot's reminder threads in the course forum (what students see in the channel list). */
export function reminderThreads(world: BotWorld) {
  return world.emu.threadsIn(world.forumId).filter((t) => t.name === REMINDER_THREAD_NAME);
}

/** As if a moderator deleted the thread in Discord: it is gone, and the bot is told so by the gateway. */
export function deleteThread(world: BotWorld, threadId: string): void {
  const thread = world.emu.state.channels.get(threadId)!;
  world.emu.state.channels.delete(threadId);
  world.emu.gateway.dispatch(
    'THREAD_DELETE',
    { id: thread.id, guild_id: thread.guild_id, parent_id: thread.parent_id, type: thread.type },
    { guildId: thread.guild_id! },
  );
}
