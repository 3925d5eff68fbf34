import { randomBytes } from 'node:crypto';
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type GuildMember, type Interaction } from 'discord.js';
import type { Context } from '../context.js';
import { recordAudit } from '../courses/audit.js';
import { UserError } from '../shared/user-error.js';
import type { Command } from './command.js';
import { courseForInteraction, isCourseStaff, isServerManager } from './course-access.js';

/** Routes slash commands and buttons to commands/, enforcing access on the server side every time. */
export function createInteractionRouter(commands: readonly Command[], ctx: Context): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  return async (interaction) => {
    if (interaction.isChatInputCommand()) {
      const command = byName.get(interaction.commandName);
      if (!command) return;
      await guarded(interaction, ctx, async () => {
        await checkAccess(command, interaction, ctx);
        await command.execute(interaction, ctx);
      });
    } else if (interaction.isButton()) {
      const command = byName.get(interaction.customId.split(':')[0] ?? '');
      if (!command?.onButton) return;
      await guarded(interaction, ctx, () => command.onButton!(interaction, ctx));
    }
  };
}

function memberOf(interaction: ChatInputCommandInteraction | ButtonInteraction): GuildMember | null {
  return interaction.inCachedGuild() ? interaction.member : null;
}

async function checkAccess(command: Command, interaction: ChatInputCommandInteraction, ctx: Context): Promise<void> {
  const sub = interaction.options.getSubcommand(false);
  const access = typeof command.access === 'function' ? command.access(sub) : command.access;
  if (access === 'everyone') return;
  const member = memberOf(interaction);
  if (access === 'server_manager') {
    if (isServerManager(member)) return;
    ctx.log.warn({ command: interaction.commandName, userId: interaction.user.id, guildId: interaction.guildId }, 'refused: not a server manager');
    throw new UserError('Only server managers (Manage Server permission) can run this command.');
  }
  const course = await courseForInteraction(ctx.db, interaction);
  if (isCourseStaff(member, course)) return;
  ctx.log.warn({ command: interaction.commandName, subcommand: sub, userId: interaction.user.id, courseId: course.id }, 'refused: not course staff');
  await recordAudit(ctx.db, {
    courseId: course.id,
    guildId: course.guildId,
    actorUserId: interaction.user.id,
    action: 'access.denied',
    details: { command: interaction.commandName, subcommand: sub },
  });
  throw new UserError(`Only the staff of ${course.name} can run /${interaction.commandName}${sub ? ` ${sub}` : ''}.`);
}

/** UserError: shown as is, ephemerally. Anything else: logged with a reference the person also sees. */
async function guarded(interaction: ChatInputCommandInteraction | ButtonInteraction, ctx: Context, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    let text: string;
    if (error instanceof UserError) text = error.message;
    else {
      const reference = randomBytes(4).toString('hex');
      ctx.log.error({ err: error, reference, command: interaction.isChatInputCommand() ? interaction.commandName : interaction.customId }, 'command failed');
      text = `Something went wrong on our side (reference ${reference}). Nothing was changed unless a message above says so; staff can quote the reference.`;
    }
    await sendEphemeral(interaction, text).catch((replyError: unknown) => ctx.log.warn({ err: replyError }, 'could not send the error reply'));
  }
}

async function sendEphemeral(interaction: ChatInputCommandInteraction | ButtonInteraction, content: string): Promise<void> {
  const body = { content: content.slice(0, 2_000), allowedMentions: { parse: [] } };
  if (interaction.deferred || interaction.replied) await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}
