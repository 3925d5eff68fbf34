import type { ButtonInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Context } from '../context.js';

/**
 * The contract of every file in commands/: `data` for registration and `execute` for the call.
 * Staff commands also set default_member_permissions in `data`, and `access: 'staff'` makes the router
 * check the course's staff role on every call (hiding a command is not a permission check).
 */
/** 'staff': the course's staff role (or Manage Server); 'server_manager': Manage Server, for setting a course up. */
export type CommandAccess = 'staff' | 'everyone' | 'server_manager';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Who may run it; a function decides per subcommand (e.g. /reviews list for everyone, assign for staff). */
  access: CommandAccess | ((subcommand: string | null) => CommandAccess);
  execute(interaction: ChatInputCommandInteraction, ctx: Context): Promise<void>;
  /** Buttons whose custom id starts with `${data.name}:`. */
  onButton?(interaction: ButtonInteraction, ctx: Context): Promise<void>;
}
