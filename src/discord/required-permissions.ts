import { PermissionFlagsBits } from 'discord.js';
import type { ChannelKind } from '../core/types.js';

/** What the bot needs in a course channel, by kind, with the names staff see in Discord's settings. */
export const requiredPermissions: Record<ChannelKind, Array<[bigint, string]>> = {
  forum: [
    [PermissionFlagsBits.ViewChannel, 'View Channel'],
    [PermissionFlagsBits.SendMessages, 'Send Messages (create forum posts)'],
    [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
    [PermissionFlagsBits.ManageThreads, 'Manage Threads'],
    [PermissionFlagsBits.ManageWebhooks, 'Manage Webhooks'],
    [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
    [PermissionFlagsBits.AddReactions, 'Add Reactions'],
    [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  ],
  text: [
    [PermissionFlagsBits.ViewChannel, 'View Channel'],
    [PermissionFlagsBits.SendMessages, 'Send Messages'],
    [PermissionFlagsBits.CreatePublicThreads, 'Create Public Threads'],
    [PermissionFlagsBits.SendMessagesInThreads, 'Send Messages in Threads'],
    [PermissionFlagsBits.ManageThreads, 'Manage Threads'],
    [PermissionFlagsBits.ManageWebhooks, 'Manage Webhooks'],
    [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
    [PermissionFlagsBits.AddReactions, 'Add Reactions'],
    [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  ],
};
