// @discordjs/rest directly (the REST client discord.js itself runs on): registration needs no gateway.
import { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { commands } from '../../commands/index.js';

/** Registers every slash command (bulk overwrite: commands removed from the code disappear too). */
export async function deployCommands(input: { token: string; applicationId: string; guildId?: string; apiUrl?: string }): Promise<number> {
  const rest = new REST(input.apiUrl ? { api: input.apiUrl } : {}).setToken(input.token);
  const body = commands.map((c) => c.data.toJSON());
  const route = input.guildId ? Routes.applicationGuildCommands(input.applicationId, input.guildId) : Routes.applicationCommands(input.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}
