// Scenes most bot tests start from, built the way people build them: the offline world with /course setup
// already run, slash commands typed in #staff, a roster CSV attached, an essay published and polled into its thread.
import { startBotWorld, type BotWorld } from './bot-world.js';
import type { SlashOptionValue } from '../../src/offline/discord-emulator/index.js';
import { staffChannelCommand } from './staff-command.js';

/** The offline world after the instructor ran /course setup. */
export async function startCourseWorld(options: Parameters<typeof startBotWorld>[0] = {}): Promise<BotWorld> {
  const world = await startBotWorld(options);
  await world.setupCourse();
  return world;
}

/** A slash command typed in the staff channel by `userId`; resolves with the bot's first answer. */
export function runAs(world: BotWorld, userId: string, name: string, subcommand: string, options: Record<string, unknown> = {}, waitMs = 30_000) {
  return staffChannelCommand(world, userId, name, subcommand, options as Record<string, SlashOptionValue>).response(waitMs);
}

/** A CSV file attached to a slash command option, as Discord delivers it. */
export const csvAttachment = (text: string, filename = 'roster.csv') => ({ attachment: { filename, contentType: 'text/csv', data: Buffer.from(text) } });

/** Alice publishes an essay on the blog and the bot polls it into a forum post: the post's id and its thread's. */
export async function publishEssayThread(world: BotWorld, title: string): Promise<{ postId: number; threadId: string }> {
  const postId = (await world.wp.as('student1').publishPost({ title, content: '<p>Essay.</p>' })).id;
  await world.bot.syncNow();
  const thread = world.emu.findThreadByName(title, world.forumId);
  if (!thread) throw new Error(`no thread named “${title}” after the poll`);
  return { postId, threadId: thread.id };
}
