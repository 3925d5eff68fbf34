/** A Discord message in a thread as the mirroring use cases see it (the adapter builds it from discord.js). */
export interface IncomingThreadMessage {
  messageId: string;
  threadId: string;
  authorId: string;
  authorDisplayName: string;
  /** Bots, webhooks (our own mirror included) and system messages are never mirrored: no loops. */
  fromBotOrWebhook: boolean;
  isSystem: boolean;
  content: string;
  replyToMessageId: string | null;
  attachments: Array<{ filename: string; url: string }>;
  /** Display names for <@id>, <#id>, <@&id> found in the content. */
  users: Record<string, string>;
  channels: Record<string, string>;
  roles: Record<string, string>;
  createdAt: Date;
  /** Discord's time of the message's latest edit (null or absent when never edited): edits are ordered by it. */
  editedAt?: Date | null;
}
