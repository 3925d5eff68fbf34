import type { Client, ForumChannel, TextChannel } from 'discord.js';
import { starterCarriesMarker } from '../core/essays/essay-marker.js';
import type { ThreadRef } from '../core/types.js';

/**
 * After a crash between creating a forum post and recording it (forum posts take no nonce): the essay's
 * thread is the one, active or archived, whose starter the bot wrote and whose marker line is the essay's.
 */
export async function findEssayThread(
  client: Client<true>,
  input: { guildId: string; channelId: string; marker: string; title: string },
): Promise<ThreadRef | null> {
  const channel = (await client.channels.fetch(input.channelId)) as ForumChannel | TextChannel | null;
  if (!channel) return null;
  const active = await channel.guild.channels.fetchActiveThreads();
  const archived = await channel.threads.fetchArchived({ type: 'public', fetchAll: false });
  const candidates = [...active.threads.values(), ...archived.threads.values()].filter((t) => t.parentId === input.channelId);
  // Names first: the marker check costs one request per thread.
  candidates.sort((a, b) => Number(b.name === input.title) - Number(a.name === input.title));
  for (const thread of candidates) {
    const starter = await thread.fetchStarterMessage().catch(() => null);
    // The whole marker line: `/archives/1` must not match the thread of `/archives/12`.
    if (starter && starter.author.id === client.user.id && starterCarriesMarker(starter.content, input.marker)) {
      return { guildId: input.guildId, channelId: input.channelId, threadId: thread.id, starterMessageId: starter.id };
    }
  }
  return null;
}
