// Channel messages: send (JSON or multipart, nonce idempotency, replies), list, fetch, edit, delete.
import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, ErrorCode, fieldError, invalidFormBody, missingPermissions } from '../errors.js';
import { checkContent, checkEmbeds } from '../limits.js';
import { findByNonce, messageFields, requireSendPermissions, resolveAttachments, validateMessageBody, type MessageBody } from '../message-input.js';
import { createMessage, deleteMessage, editMessage } from '../messages-core.js';
import { getChannel, getMessage, visibleMessages } from '../lookups.js';
import { hasPermission, isThread, requirePermissions } from '../permissions.js';
import type { Router } from '../router.js';
import { messagePayload } from '../serializers.js';
import { validateBody, unknownKeys } from '../spec-validation.js';
import { assertThreadWritable } from '../threads-core.js';

export function registerMessageRoutes(router: Router, ctx: EmuContext): void {
  const bot = () => ctx.config.botUserId;

  router.add('POST', '/channels/{channel_id}/messages', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const body = (req.body ?? {}) as MessageBody;
    if (channel.type === ChannelType.GuildForum) throw new DiscordApiError(400, 50008, 'Cannot send messages in a non-text channel');
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipient_ids?.find((id) => id !== bot());
      if (recipient && ctx.state.dmClosed.has(recipient)) throw new DiscordApiError(403, ErrorCode.CannotSendToUser, 'Cannot send messages to this user');
    }
    validateMessageBody('messageCreate', body, req.files, req.unknownKeys);
    requireSendPermissions(ctx, channel, bot(), body, req.files.length);
    if (isThread(channel)) assertThreadWritable(ctx, channel, bot(), true);
    const repeat = findByNonce(ctx, channel.id, bot(), body);
    if (repeat) return { status: 200, body: messagePayload(ctx, repeat), schema: 'message' };
    const ref = body.message_reference;
    if (ref && !(ctx.state.messages.get(channel.id) ?? []).some((m) => m.id === ref.message_id && !m.deleted) && ref.fail_if_not_exists !== false) {
      throw invalidFormBody(fieldError(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message'));
    }
    const message = createMessage(ctx, { channel, authorId: bot(), ...messageFields(ctx, channel, body, req.files) });
    return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
  });

  router.add('GET', '/channels/{channel_id}/messages', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    requirePermissions(ctx, channel, bot(), P.ViewChannel);
    if (!hasPermission(ctx, channel, bot(), P.ReadMessageHistory)) return { status: 200, body: [] };
    const limit = Number(req.query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidFormBody(fieldError(['limit'], 'NUMBER_TYPE_MAX', 'Must be between 1 and 100.'));
    let list = visibleMessages(ctx, channel.id); // newest first
    const before = req.query.get('before');
    const after = req.query.get('after');
    // As Discord: a cursor that is not a snowflake is a form error on that field (ids built from a time are fine).
    for (const [name, value] of [['before', before] as const, ['after', after] as const]) {
      if (value !== null && !/^\d{1,20}$/.test(value)) throw invalidFormBody(fieldError([name], 'NUMBER_TYPE_COERCE', `Value "${value}" is not snowflake.`));
    }
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before)).slice(0, limit);
    else if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after)).slice(-limit);
    else list = list.slice(0, limit);
    return { status: 200, body: list.map((m) => messagePayload(ctx, m)), schema: 'message' };
  });

  router.add('GET', '/channels/{channel_id}/messages/{message_id}', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    requirePermissions(ctx, channel, bot(), P.ViewChannel | P.ReadMessageHistory);
    const message = getMessage(ctx, channel.id, req.params.message_id!);
    if (message.ephemeral) throw new DiscordApiError(404, ErrorCode.UnknownMessage, 'Unknown Message');
    return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
  });

  router.add('PATCH', '/channels/{channel_id}/messages/{message_id}', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const message = getMessage(ctx, channel.id, req.params.message_id!);
    const body = (req.body ?? {}) as MessageBody;
    validateBody('messageEdit', body);
    req.unknownKeys.push(...unknownKeys('messageEdit', body));
    checkContent(body.content);
    checkEmbeds(body.embeds);
    if (isThread(channel)) assertThreadWritable(ctx, channel, bot(), true);
    const own = message.author.id === bot() && !message.webhook_id;
    const onlyFlags = Object.keys(body).every((k) => k === 'flags');
    if (!own && !(onlyFlags && hasPermission(ctx, channel, bot(), P.ManageMessages))) {
      throw new DiscordApiError(403, 50005, 'Cannot edit a message authored by another user');
    }
    editMessage(ctx, message, {
      content: body.content,
      embeds: body.embeds,
      components: body.components,
      flags: body.flags,
      allowedMentions: body.allowed_mentions,
      attachments: resolveAttachments(ctx, channel.id, body, req.files, message.attachments),
    });
    return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
  });

  router.add('DELETE', '/channels/{channel_id}/messages/{message_id}', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const message = getMessage(ctx, channel.id, req.params.message_id!);
    if (message.author.id !== bot() && !hasPermission(ctx, channel, bot(), P.ManageMessages)) throw missingPermissions();
    if (isThread(channel) && channel.thread_metadata?.archived) throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
    deleteMessage(ctx, message);
    return { status: 204 };
  });
}
