// The parts of slash command definitions that several commands share: every command runs in a course's server
// channel, staff commands are hidden by default, and a few options mean the same wherever they appear.
import {
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIApplicationCommandOptionChoice,
  type SlashCommandStringOption,
  type SlashCommandUserOption,
} from 'discord.js';

/** A command of a course channel: a course lives in a server, so the command is never offered in DMs. */
export function serverCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder().setName(name).setDescription(description).setDMPermission(false);
}

/**
 * A staff command: hidden by default from members without `permission` (servers may show it to the staff role).
 * Hiding is no permission check: the command's `access: 'staff'` makes the router check the course's staff role.
 */
export function staffCommand(name: string, description: string, permission = PermissionFlagsBits.ManageMessages): SlashCommandBuilder {
  return serverCommand(name, description).setDefaultMemberPermissions(permission);
}

/** A pick-one option the user must answer, e.g. /reminders mode via:. */
export function requiredChoice(name: string, description: string, choices: APIApplicationCommandOptionChoice<string>[]) {
  return (o: SlashCommandStringOption) =>
    o
      .setName(name)
      .setDescription(description)
      .setRequired(true)
      .addChoices(...choices);
}

/** The student a staff member acts on (/link approve, /privacy purge and pseudonym-decision). */
export function requiredStudent(name: 'user' | 'student') {
  return (o: SlashCommandUserOption) => o.setName(name).setDescription('The student').setRequired(true);
}

/** The longest blog username a link claim or a staff account accepts. */
const BLOG_USERNAME_MAX_LENGTH = 60;

/** A login name on the class blog (/link claim and approve, /course staff_posts). */
export function blogUsernameOption(description: string, required: boolean) {
  return (o: SlashCommandStringOption) => o.setName('blog_username').setDescription(description).setRequired(required).setMaxLength(BLOG_USERNAME_MAX_LENGTH);
}
