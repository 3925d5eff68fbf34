// Acting as a person: post/edit/delete messages, react, run slash commands, press buttons. Each
// action emits the gateway event Discord would send the bot.
import { randomBytes } from 'node:crypto';
import { ChannelType, InteractionType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { baseInteraction, buttonIn, slashCommandData, type SlashCommandInput } from './interaction-builder.js';
import type { InteractionHandle, InteractionTracker } from './interaction-tracker.js';
import { createMessage, deleteMessage, editMessage, attachmentFromUpload } from './messages-core.js';
import { hasPermission, isThread } from './permissions.js';
import { openDm } from './routes/dms.js';
import { messagePayload } from './serializers.js';
import { nextSnowflake } from './snowflake.js';
import { findMessage, memberKey, type EmuAttachment, type EmuMessage } from './state.js';
import { assertThreadWritable } from './threads-core.js';

export interface PersonAttachment {
  filename: string;
  url?: string;
  size?: number;
  contentType?: string;
  data?: Buffer;
}

export interface PostInput {
  content: string;
  replyToMessageId?: string;
  attachments?: PersonAttachment[];
}

export interface ButtonInput {
  guildId: string;
  channelId: string;
  messageId: string;
  customId: string;
}

export function actor(ctx: EmuContext, tracker: InteractionTracker, userId: string) {
  if (!ctx.state.users.has(userId)) throw new Error(`emulator: unknown user ${userId} (createUser first)`);
  const channelFor = (channelId: string) => {
    const channel = ctx.state.channels.get(channelId);
    if (!channel) throw new Error(`emulator: unknown channel ${channelId}`);
    if (channel.guild_id) {
      if (!ctx.state.members.has(memberKey(channel.guild_id, userId))) throw new Error(`emulator: ${userId} is not a member of ${channel.guild_id}`);
      const needed = isThread(channel) ? P.SendMessagesInThreads : P.SendMessages;
      if (!hasPermission(ctx, channel, userId, P.ViewChannel | needed)) throw new Error(`emulator: ${userId} may not post in ${channelId}`);
    }
    return channel;
  };
  const ownMessage = (channelId: string, messageId: string): EmuMessage => {
    const m = findMessage(ctx.state, channelId, messageId);
    if (!m || m.author.id !== userId) throw new Error(`emulator: ${userId} has no message ${messageId} in ${channelId}`);
    return m;
  };
  const toAttachment = (channelId: string, a: PersonAttachment): EmuAttachment => {
    if (a.data) return attachmentFromUpload(ctx, channelId, { filename: a.filename, contentType: a.contentType ?? 'application/octet-stream', data: a.data });
    const url = a.url ?? `https://cdn.example.invalid/${a.filename}`;
    return { id: nextSnowflake(), filename: a.filename, size: a.size ?? 0, url, proxy_url: url, ...(a.contentType ? { content_type: a.contentType } : {}) };
  };
  const interaction = (
    type: number,
    guildId: string,
    channelId: string,
    data: unknown,
    extra: Record<string, unknown> = {},
    meta: { sourceMessageId?: string; commandName?: string } = {},
  ): InteractionHandle => {
    const id = nextSnowflake();
    const token = `ix.${randomBytes(24).toString('base64url')}`;
    const handle = tracker.add({
      id,
      token,
      type,
      guildId,
      channelId,
      userId,
      createdAt: Date.now(),
      acknowledged: false,
      responses: [],
      waiters: [],
      ...meta,
    });
    ctx.dispatch('INTERACTION_CREATE', { ...baseInteraction(ctx, { id, token, type, guildId, channelId, userId }), data, ...extra }, { guildId });
    return handle;
  };

  return {
    postMessage(channelId: string, input: PostInput): EmuMessage {
      const channel = channelFor(channelId);
      if (isThread(channel)) assertThreadWritable(ctx, channel, userId, false);
      return createMessage(ctx, {
        channel,
        authorId: userId,
        content: input.content,
        replyTo: input.replyToMessageId,
        attachments: (input.attachments ?? []).map((a) => toAttachment(channel.id, a)),
      });
    },
    /** A direct message to the bot. */
    sendDm(input: PostInput): EmuMessage {
      const channel = openDm(ctx, userId);
      return createMessage(ctx, {
        channel,
        authorId: userId,
        content: input.content,
        attachments: (input.attachments ?? []).map((a) => toAttachment(channel.id, a)),
      });
    },
    editMessage(channelId: string, messageId: string, content: string): EmuMessage {
      return editMessage(ctx, ownMessage(channelId, messageId), { content });
    },
    deleteMessage(channelId: string, messageId: string): void {
      deleteMessage(ctx, ownMessage(channelId, messageId));
    },
    react(channelId: string, messageId: string, emoji: string): void {
      const m = findMessage(ctx.state, channelId, messageId);
      if (!m) throw new Error(`emulator: no message ${messageId} in ${channelId}`);
      m.reactors[emoji] = [...new Set([...(m.reactors[emoji] ?? []), userId])];
      ctx.dispatch(
        'MESSAGE_REACTION_ADD',
        {
          user_id: userId,
          channel_id: channelId,
          message_id: messageId,
          emoji: { id: null, name: emoji },
          burst: false,
          type: 0,
          ...(m.guild_id ? { guild_id: m.guild_id } : {}),
        },
        { guildId: m.guild_id },
      );
    },
    runSlashCommand(input: SlashCommandInput): InteractionHandle {
      channelFor(input.channelId);
      return interaction(InteractionType.ApplicationCommand, input.guildId, input.channelId, slashCommandData(ctx, input), {}, { commandName: input.name });
    },
    pressButton(input: ButtonInput): InteractionHandle {
      const m = findMessage(ctx.state, input.channelId, input.messageId);
      if (!m) throw new Error(`emulator: no message ${input.messageId} in ${input.channelId}`);
      const button = buttonIn(m.components, input.customId);
      if (!button) throw new Error(`emulator: message ${input.messageId} has no button "${input.customId}"`);
      if (button.disabled) throw new Error(`emulator: button "${input.customId}" is disabled`);
      const extra = { message: { ...messagePayload(ctx, m), ...(m.guild_id ? {} : { channel_type: ChannelType.DM }) } };
      return interaction(InteractionType.MessageComponent, input.guildId, input.channelId, { custom_id: input.customId, component_type: 2 }, extra, {
        sourceMessageId: m.id,
        commandName: `button:${input.customId}`,
      });
    },
  };
}

export type Actor = ReturnType<typeof actor>;
