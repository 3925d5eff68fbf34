// Answering interactions: POST /interactions/{id}/{token}/callback and the interaction webhook
// (@original edits, follow-ups). No bot token on these, as on Discord.
import { InteractionResponseType as T, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, ErrorCode, notFound } from '../errors.js';
import { checkContent, checkEmbeds, checkMessageBody } from '../limits.js';
import { getChannel, getMessage } from '../lookups.js';
import { applyWebhookEdit, messageFields, resolveAttachments, validateMessageBody, type MessageBody } from '../message-input.js';
import { createMessage, deleteMessage, editMessage } from '../messages-core.js';
import type { EmuRequest, EmuResponse, Router } from '../router.js';
import { messagePayload, userPayload } from '../serializers.js';
import { unknownKeys, validateBody } from '../spec-validation.js';
import type { InteractionRecord, InteractionTracker } from '../interaction-tracker.js';
import { viewOf } from '../interaction-tracker.js';

export function registerInteractionRoutes(router: Router, ctx: EmuContext, tracker: InteractionTracker): void {
  const botMessage = (r: InteractionRecord, body: MessageBody, req: EmuRequest, extraFlags = 0) => {
    const channel = getChannel(ctx, r.channelId);
    return createMessage(ctx, {
      channel,
      authorId: ctx.config.botUserId,
      ...messageFields(ctx, channel, body, req.files),
      flags: (body.flags ?? 0) | extraFlags,
      webhookId: ctx.config.applicationId,
      applicationId: ctx.config.applicationId,
      type: r.type === 2 ? MessageType.ChatInputCommand : MessageType.Reply,
      ephemeral: ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
      extra: { interaction_metadata: { id: r.id, type: r.type, user: userPayload(ctx, r.userId), authorizing_integration_owners: {} } as never },
    });
  };

  router.add(
    'POST',
    '/interactions/{interaction_id}/{interaction_token}/callback',
    (req) => {
      const r = tracker.get(req.params.interaction_id!);
      if (!r || r.token !== req.params.interaction_token) throw notFound(ErrorCode.UnknownInteraction, 'interaction');
      if (r.acknowledged) throw new DiscordApiError(400, ErrorCode.InteractionAlreadyAcknowledged, 'Interaction has already been acknowledged.');
      if (Date.now() - r.createdAt > ctx.config.interactionResponseTimeoutMs) throw notFound(ErrorCode.UnknownInteraction, 'interaction');
      const type = req.body?.type as number;
      const data = (req.body?.data ?? {}) as MessageBody;
      const schema =
        type === T.ChannelMessageWithSource || type === T.DeferredChannelMessageWithSource
          ? 'callbackMessage'
          : type === T.DeferredMessageUpdate || type === T.UpdateMessage
            ? 'callbackUpdate'
            : type === T.Modal
              ? 'callbackModal'
              : undefined;
      if (!schema)
        throw new DiscordApiError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', {
          type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value must be one of 4, 5, 6, 7, 9.` }] },
        });
      if (type === T.UpdateMessage || type === T.DeferredMessageUpdate) {
        if (!r.sourceMessageId) throw new DiscordApiError(400, 40004, 'Interaction has no message to update');
      }
      validateBody(schema, req.body);
      req.unknownKeys.push(...unknownKeys(schema, req.body));
      r.acknowledged = true;
      let message;
      if (type === T.ChannelMessageWithSource) {
        checkMessageBody(data, req.files.length);
        message = botMessage(r, data, req);
        r.originalMessageId = message.id;
      } else if (type === T.DeferredChannelMessageWithSource) {
        message = botMessage(r, { ...data, content: '' }, req, MessageFlags.Loading);
        r.originalMessageId = message.id;
      } else if (type === T.UpdateMessage) {
        checkContent(data.content);
        checkEmbeds(data.embeds);
        message = getMessage(ctx, r.channelId, r.sourceMessageId!);
        editMessage(ctx, message, {
          content: data.content,
          embeds: data.embeds,
          components: data.components,
          attachments: resolveAttachments(ctx, r.channelId, data, req.files, message.attachments),
        });
        r.originalMessageId = message.id;
      } else if (type === T.DeferredMessageUpdate) {
        r.originalMessageId = r.sourceMessageId;
      }
      tracker.record(r, viewOf('callback', type, message, type === T.Modal ? { modal: data } : {}));
      if (req.query.get('with_response') !== 'true') return { status: 204 };
      return {
        status: 200,
        body: {
          interaction: {
            id: r.id,
            type: r.type,
            response_message_id: message?.id,
            response_message_loading: type === 5,
            response_message_ephemeral: Boolean((message?.flags ?? 0) & 64),
          },
          ...(message && (type === 4 || type === 7) ? { resource: { type, message: messagePayload(ctx, message) } } : {}),
        },
        schema: 'interactionCallback',
      };
    },
    { auth: false },
  );
}

/** Interaction-token webhook calls; returns undefined when the token is not an interaction's. */
export function handleInteractionWebhook(ctx: EmuContext, tracker: InteractionTracker, req: EmuRequest, messageId?: string): EmuResponse | undefined {
  if (req.params.webhook_id !== ctx.config.applicationId) return undefined;
  const r = tracker.byToken(req.params.webhook_token!);
  if (!r) return undefined;
  if (!r.acknowledged) throw notFound(ErrorCode.UnknownWebhook, 'Webhook');
  const body = (req.body ?? {}) as MessageBody;
  const targetId = messageId === '@original' ? r.originalMessageId : messageId;
  if (req.method === 'POST') {
    validateMessageBody('webhookExecute', body, req.files, req.unknownKeys);
    const channel = getChannel(ctx, r.channelId);
    const m = createMessage(ctx, {
      channel,
      authorId: ctx.config.botUserId,
      ...messageFields(ctx, channel, body, req.files),
      webhookId: ctx.config.applicationId,
      applicationId: ctx.config.applicationId,
      ephemeral: ((body.flags ?? 0) & 64) !== 0,
      type: MessageType.Reply,
    });
    tracker.record(r, viewOf('followup', 0, m));
    return { status: 200, body: messagePayload(ctx, m), schema: 'message' };
  }
  if (!targetId) throw notFound(ErrorCode.UnknownMessage, 'Message');
  const message = getMessage(ctx, r.channelId, targetId);
  if (req.method === 'GET') return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
  if (req.method === 'DELETE') {
    deleteMessage(ctx, message);
    tracker.record(r, viewOf('delete', 0, message));
    return { status: 204 };
  }
  applyWebhookEdit(ctx, req, message, r.channelId);
  message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  tracker.record(r, viewOf('edit', 0, message));
  return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
}
