import type { Message, PartialMessage } from 'discord.js';
import type { IncomingThreadMessage } from '../ports/thread-message.js';

/** The project's view of a discord.js message in a thread (null when it is not in a thread). */
export function toIncomingThreadMessage(message: Message): IncomingThreadMessage | null {
  return message.channel.isThread() ? describeThreadMessage(message) : null;
}

/** A message known to be in a thread (read from the thread itself), in the project's words; edits carry their time. */
export function describeThreadMessage(message: Message): IncomingThreadMessage {
  const users: Record<string, string> = {};
  for (const [id, user] of message.mentions.users) users[id] = message.mentions.members?.get(id)?.displayName ?? user.displayName;
  const channels: Record<string, string> = {};
  for (const [id, channel] of message.mentions.channels) channels[id] = 'name' in channel && channel.name ? channel.name : 'channel';
  const roles: Record<string, string> = {};
  for (const [id, role] of message.mentions.roles) roles[id] = role.name;
  return {
    messageId: message.id,
    threadId: message.channelId,
    authorId: message.author.id,
    authorDisplayName: message.member?.displayName ?? message.author.displayName,
    fromBotOrWebhook: message.author.bot || Boolean(message.webhookId),
    isSystem: message.system,
    content: message.content,
    replyToMessageId: message.reference?.messageId ?? null,
    attachments: [...message.attachments.values()].map((a) => ({ filename: a.name, url: a.url })),
    users,
    channels,
    roles,
    createdAt: message.createdAt,
  };
}

/** Edits can arrive as partials; fetch the whole message before reading its content. */
export async function completeMessage(message: Message | PartialMessage): Promise<Message | null> {
  if (!message.partial) return message;
  return message.fetch().catch(() => null);
}
