// Creating, editing and deleting messages, shared by every path that makes one: the bot's REST
// calls, webhooks, interaction replies and simulated people. Each emits the gateway event.
import { EmbedType, MessageFlags, MessageType, type APIEmbed, type APIMessageTopLevelComponent, type APIUser } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { computePinged } from './mentions.js';
import { isThread } from './permissions.js';
import { memberPayload, messagePayload, userPayload } from './serializers.js';
import { nextSnowflake } from './snowflake.js';
import { findMessage, memberKey, type AllowedMentions, type EmuAttachment, type EmuChannel, type EmuMessage } from './state.js';

export interface NewMessage {
  channel: EmuChannel;
  authorId: string;
  /** Webhook messages carry the webhook's name instead of a user. */
  authorOverride?: APIUser;
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  attachments?: EmuAttachment[];
  allowedMentions?: AllowedMentions | null;
  replyTo?: string;
  nonce?: string | number | null;
  webhookId?: string;
  applicationId?: string;
  flags?: number;
  type?: MessageType;
  ephemeral?: boolean;
  /** Forum starter messages and thread-from-message share the thread's id. */
  id?: string;
  extra?: Partial<EmuMessage>;
}

export function createMessage(ctx: EmuContext, input: NewMessage): EmuMessage {
  const { channel } = input;
  const replied = input.replyTo ? findMessage(ctx.state, channel.id, input.replyTo) : undefined;
  const content = input.content ?? '';
  const pinged = computePinged(ctx, {
    content,
    allowedMentions: input.allowedMentions ?? undefined,
    authorId: input.authorId,
    channel,
    repliedUserId: replied && !replied.webhook_id ? replied.author.id : undefined,
  });
  const now = ctx.config.now();
  const message: EmuMessage = {
    id: input.id ?? nextSnowflake(now),
    channel_id: channel.id,
    ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
    author: input.authorOverride ?? userPayload(ctx, input.authorId),
    content,
    timestamp: new Date(now).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: pinged.everyone,
    mentions: pinged.users.filter((id) => ctx.state.users.has(id)).map((id) => userPayload(ctx, id)),
    mention_roles: pinged.roles,
    attachments: input.attachments ?? [],
    embeds: normalizeEmbeds(input.embeds),
    components: input.components ?? [],
    pinned: false,
    type: input.type ?? (replied ? MessageType.Reply : MessageType.Default),
    flags: input.flags ?? 0,
    ...(input.nonce != null ? { nonce: input.nonce } : {}),
    ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
    ...(input.applicationId ? { application_id: input.applicationId } : {}),
    ...(replied
      ? {
          message_reference: { type: 0, message_id: replied.id, channel_id: channel.id, guild_id: channel.guild_id },
          referenced_message: messagePayload(ctx, replied),
        }
      : {}),
    ...(isThread(channel) ? { position: channel.message_count ?? 0 } : {}),
    ...(input.allowedMentions ? { allowed_mentions: input.allowedMentions } : {}),
    pinged,
    reactors: {},
    ...(input.ephemeral ? { ephemeral: true } : {}),
    createdAtMs: now,
    ...input.extra,
  };
  const list = ctx.state.messages.get(channel.id) ?? [];
  list.push(message);
  ctx.state.messages.set(channel.id, list);
  if (input.ephemeral) return message;
  channel.last_message_id = message.id;
  if (isThread(channel)) channel.message_count = (channel.message_count ?? 0) + 1;
  ctx.dispatch('MESSAGE_CREATE', gatewayMessage(ctx, message), { guildId: channel.guild_id, channelId: channel.id });
  return message;
}

/** Gateway message events carry guild_id and the author's member (without user). */
export function gatewayMessage(ctx: EmuContext, m: EmuMessage): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...messagePayload(ctx, m) };
  if (m.guild_id) {
    payload.guild_id = m.guild_id;
    if (!m.webhook_id && ctx.state.members.has(memberKey(m.guild_id, m.author.id))) {
      const { user: _u, ...member } = memberPayload(ctx, m.guild_id, m.author.id);
      payload.member = member;
    }
  } else {
    payload.channel_type = 1; // discord.js needs it to build a DM channel from a partial
  }
  return payload;
}

/** Discord stores embeds with type "rich" and every field's `inline` set. */
function normalizeEmbeds(embeds: APIEmbed[] | null | undefined): APIEmbed[] {
  return (embeds ?? []).map((e) => ({
    type: EmbedType.Rich,
    ...e,
    ...(e.fields ? { fields: e.fields.map((f) => ({ ...f, inline: f.inline ?? false })) } : {}),
  }));
}

export interface MessagePatch {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  attachments?: EmuAttachment[];
  allowedMentions?: AllowedMentions | null;
  flags?: number | null;
}

export function editMessage(ctx: EmuContext, message: EmuMessage, patch: MessagePatch): EmuMessage {
  if (patch.content !== undefined) message.content = patch.content ?? '';
  if (patch.embeds !== undefined) message.embeds = normalizeEmbeds(patch.embeds);
  if (patch.components !== undefined) message.components = patch.components ?? [];
  if (patch.attachments !== undefined) message.attachments = patch.attachments;
  if (patch.flags != null) message.flags = (message.flags ?? 0) | (patch.flags & MessageFlags.SuppressEmbeds);
  if (patch.allowedMentions) message.allowed_mentions = patch.allowedMentions;
  const channel = ctx.state.channels.get(message.channel_id)!;
  message.pinged = computePinged(ctx, { content: message.content, allowedMentions: message.allowed_mentions, authorId: message.author.id, channel });
  message.mention_everyone = message.pinged.everyone;
  message.mention_roles = message.pinged.roles;
  message.edited_timestamp = new Date().toISOString();
  if (!message.ephemeral) ctx.dispatch('MESSAGE_UPDATE', gatewayMessage(ctx, message), { guildId: message.guild_id, channelId: message.channel_id });
  return message;
}

export function deleteMessage(ctx: EmuContext, message: EmuMessage): void {
  message.deleted = true;
  const channel = ctx.state.channels.get(message.channel_id);
  if (channel && isThread(channel)) channel.message_count = Math.max(0, (channel.message_count ?? 1) - 1);
  if (message.ephemeral) return;
  ctx.dispatch(
    'MESSAGE_DELETE',
    { id: message.id, channel_id: message.channel_id, ...(message.guild_id ? { guild_id: message.guild_id } : {}) },
    { guildId: message.guild_id },
  );
}

/** Uploaded files become attachments served back by the emulator (GET /attachments/...). */
export function attachmentFromUpload(
  ctx: EmuContext,
  channelId: string,
  file: { filename: string; contentType: string; data: Buffer },
  description?: string | null,
): EmuAttachment {
  const id = nextSnowflake();
  const url = `${ctx.config.baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
  const attachment: EmuAttachment = {
    id,
    filename: file.filename,
    size: file.data.length,
    url,
    proxy_url: url,
    content_type: file.contentType || 'application/octet-stream',
    data: file.data,
    ...(description ? { description } : {}),
  };
  ctx.state.uploads.set(id, attachment);
  return attachment;
}
