// Slash commands and button presses in the course's staff channel, typed through the Discord emulator the way
// the privacy, push, looks and reviews tests need them: a command that answers, and the "are you sure?" prompt
// (purge, archive, round preview) whose Confirm button staff then press.
import type { InteractionHandle, InteractionResponseView, SlashOptionValue } from '../../src/offline/discord-emulator/index.js';
import type { BotWorld } from './bot-world.js';

/** What these helpers use of a bot world (a push world is one too). */
type StaffChannel = Pick<BotWorld, 'emu' | 'guildId' | 'staffChannelId' | 'instructorId'>;

/** How long a test waits for the bot's answer to a command or a press. */
const ANSWER_MS = 10_000;

/** `userId` types /name [subcommand] in the staff channel; the interaction, to await its answer or read them all. */
export function staffChannelCommand(
  world: StaffChannel,
  userId: string,
  name: string,
  subcommand?: string,
  options: Record<string, SlashOptionValue> = {},
): InteractionHandle {
  return world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, subcommand, options });
}

/** The custom id of a reply's first button: the Confirm of every "are you sure?" prompt. */
export function firstButtonId(reply: InteractionResponseView): string {
  return (reply.components[0] as { components: Array<{ custom_id: string }> }).components[0]!.custom_id;
}

/** `userId` presses a button of `reply` (its first unless named); the interaction, so a test can press twice before either is answered. */
export function pressButton(world: StaffChannel, userId: string, reply: InteractionResponseView, customId = firstButtonId(reply)): InteractionHandle {
  return world.emu.as(userId).pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: reply.messageId!, customId });
}

/** Staff press Confirm on a prompt the bot showed them; the bot's answer to the press. */
export function confirmAsStaff(world: StaffChannel, prompt: InteractionResponseView): Promise<InteractionResponseView> {
  return pressButton(world, world.instructorId, prompt).response(ANSWER_MS);
}

/** Staff run a command that asks "are you sure?" (purge, archive) and press Confirm; the bot's answer to the press. */
export async function runConfirmedAsStaff(
  world: StaffChannel,
  name: string,
  subcommand: string,
  options: Record<string, SlashOptionValue> = {},
): Promise<InteractionResponseView> {
  const prompt = await staffChannelCommand(world, world.instructorId, name, subcommand, options).response(ANSWER_MS);
  return confirmAsStaff(world, prompt);
}
