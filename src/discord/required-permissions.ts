import { ChannelType, PermissionFlagsBits, type Client, type ForumChannel, type TextChannel } from 'discord.js';
import type { ChannelKind } from '../core/types.js';

/** What the bot needs in either kind of course channel once it can post there, by the names staff see. */
const threadPermissions: Array<[bigint, string]> = [
  [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
  [PermissionFlagsBits.ManageThreads, 'Manage Threads'],
  [PermissionFlagsBits.ManageWebhooks, 'Manage Webhooks'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.AddReactions, 'Add Reactions'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
];

/** What the bot needs in a course channel, by kind, with the names staff see in Discord's settings. */
export const requiredPermissions: Record<ChannelKind, Array<[bigint, string]>> = {
  forum: [[PermissionFlagsBits.ViewChannel, 'View Channel'], [PermissionFlagsBits.SendMessages, 'Send Messages (create forum posts)'], ...threadPermissions],
  text: [
    [PermissionFlagsBits.ViewChannel, 'View Channel'],
    [PermissionFlagsBits.SendMessages, 'Send Messages'],
    [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
    ...threadPermissions,
  ],
};

/** The permissions the bot lacks in the course channel, by name (empty: all granted). */
export async function missingPermissionsIn(client: Client, channelId: string, kind: ChannelKind): Promise<string[]> {
  const channel = (await client.channels.fetch(channelId)) as ForumChannel | TextChannel | null;
  if (!channel) return ['the channel does not exist or the bot cannot see it'];
  const expected = kind === 'forum' ? ChannelType.GuildForum : ChannelType.GuildText;
  if (channel.type !== expected) return [`the channel is not a ${kind} channel`];
  const me = await channel.guild.members.fetchMe();
  const granted = channel.permissionsFor(me);
  return requiredPermissions[kind].filter(([flag]) => !granted.has(flag)).map(([, name]) => name);
}
