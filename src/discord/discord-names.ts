import type { Client } from 'discord.js';

/** Discord user names (the @handle people search for) by user id; an account Discord no longer knows is left out. */
export async function discordUserNames(client: Client, userIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(userIds)) {
    const user = await client.users.fetch(id).catch(() => null);
    if (user) names.set(id, user.username);
  }
  return names;
}
