// What the handlers of course commands share: they act on the course of the channel they run in, and some
// subcommands (and every confirm button) are for the course's staff only.
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Context } from '../../src/context.js';
import type { Command, CommandAccess } from '../../src/discord/command.js';
import { courseForInteraction, isCourseStaff, type CourseRow } from '../../src/discord/course-access.js';
import { UserError } from '../../src/shared/user-error.js';

type CourseHandler = (interaction: ChatInputCommandInteraction, ctx: Context, course: CourseRow) => Promise<void>;

/** An `execute` that first finds the course of the channel (a UserError where the channel hosts none). */
export function inCourseChannel(run: CourseHandler): Command['execute'] {
  return async (interaction, ctx) => run(interaction, ctx, await courseForInteraction(ctx.db, interaction));
}

/** `access` for a command that is open to everyone but for the named staff subcommands. */
export function staffFor(...staffSubcommands: readonly string[]): (subcommand: string | null) => CommandAccess {
  return (sub) => (sub !== null && staffSubcommands.includes(sub) ? 'staff' : 'everyone');
}

/** `access` for a staff command with a few subcommands open to everyone. */
export function everyoneFor(...openSubcommands: readonly string[]): (subcommand: string | null) => CommandAccess {
  return (sub) => (sub !== null && openSubcommands.includes(sub) ? 'everyone' : 'staff');
}

/** The member who clicked or typed, when Discord sent one (in a server the bot has cached). */
export function memberOf(interaction: ChatInputCommandInteraction | ButtonInteraction) {
  return interaction.inCachedGuild() ? interaction.member : null;
}

/** The course of the channel, for its staff only: buttons are checked like the staff commands that sent them. */
export async function courseForStaff(ctx: Context, interaction: ChatInputCommandInteraction | ButtonInteraction): Promise<CourseRow> {
  const course = await courseForInteraction(ctx.db, interaction);
  if (!isCourseStaff(memberOf(interaction), course)) throw new UserError(`Only the staff of ${course.name} can do this.`);
  return course;
}
