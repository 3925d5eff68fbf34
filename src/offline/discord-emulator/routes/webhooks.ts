// Channel webhooks: create/list (Manage Webhooks), execute with wait/thread_id (username,
// avatar_url), edit/delete/fetch their messages. Interaction tokens share these paths.
import { ChannelType, PermissionFlagsBits as P, type APIUser, type UserFlags } from 'discord-api-types/v10';
import { randomBytes } from 'node:crypto';
import type { EmuContext } from '../context.js';
import { DiscordApiError, ErrorCode, fieldError, invalidFormBody, notFound } from '../errors.js';
import { checkThreadName } from '../limits.js';
import { checkWebhookName } from '../webhook-names.js';
import { getChannel, getMessage } from '../lookups.js';
import { applyWebhookEdit, messageFields, validateMessageBody, type MessageBody } from '../message-input.js';
import { createMessage, deleteMessage } from '../messages-core.js';
import { isThread, requirePermissions } from '../permissions.js';
import type { EmuRequest, Router } from '../router.js';
import { messagePayload, userPayload } from '../serializers.js';
import { nextSnowflake } from '../snowflake.js';
import type { EmuWebhook } from '../state.js';
import { assertThreadWritable, createThread } from '../threads-core.js';
import type { InteractionTracker } from '../interaction-tracker.js';
import { handleInteractionWebhook } from './interactions.js';

function webhookPayload(ctx: EmuContext, w: EmuWebhook) {
  const { creator_id, ...rest } = w;
  return { ...rest, user: userPayload(ctx, creator_id) };
}

export function registerWebhookRoutes(router: Router, ctx: EmuContext, tracker: InteractionTracker): void {
  const bot = () => ctx.config.botUserId;
  const getWebhook = (req: EmuRequest): EmuWebhook => {
    const w = ctx.state.webhooks.get(req.params.webhook_id!);
    if (!w || w.token !== req.params.webhook_token) throw notFound(ErrorCode.UnknownWebhook, 'Webhook');
    return w;
  };
  /** ?thread_id= targets a thread of the webhook's channel (or of its forum). */
  const targetChannel = (w: EmuWebhook, req: EmuRequest) => {
    const threadId = req.query.get('thread_id');
    if (!threadId) return getChannel(ctx, w.channel_id);
    const thread = ctx.state.channels.get(threadId);
    if (!thread || !isThread(thread) || thread.parent_id !== w.channel_id) throw notFound(ErrorCode.UnknownChannel, 'Channel');
    return thread;
  };

  router.add('POST', '/channels/{channel_id}/webhooks', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    requirePermissions(ctx, channel, bot(), P.ManageWebhooks);
    const name = req.body?.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 80 || /clyde|discord/i.test(name)) {
      throw invalidFormBody(fieldError(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 80 in length and not contain "clyde" or "discord".'));
    }
    const w: EmuWebhook = {
      id: nextSnowflake(),
      token: randomBytes(34).toString('base64url'),
      type: 1,
      channel_id: channel.id,
      guild_id: channel.guild_id!,
      name,
      avatar: null,
      application_id: ctx.config.applicationId,
      creator_id: bot(),
    };
    ctx.state.webhooks.set(w.id, w);
    ctx.dispatch('WEBHOOKS_UPDATE', { guild_id: w.guild_id, channel_id: w.channel_id }, { guildId: w.guild_id });
    return { status: 200, body: webhookPayload(ctx, w), schema: 'webhook' };
  });

  router.add('GET', '/channels/{channel_id}/webhooks', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    requirePermissions(ctx, channel, bot(), P.ManageWebhooks);
    return {
      status: 200,
      body: [...ctx.state.webhooks.values()].filter((w) => w.channel_id === channel.id).map((w) => webhookPayload(ctx, w)),
      schema: 'webhook',
    };
  });

  router.add(
    'POST',
    '/webhooks/{webhook_id}/{webhook_token}',
    (req) => {
      const viaInteraction = handleInteractionWebhook(ctx, tracker, req);
      if (viaInteraction) return viaInteraction;
      const w = getWebhook(req);
      const body = (req.body ?? {}) as MessageBody & { username?: string; avatar_url?: string; thread_name?: string };
      validateMessageBody('webhookExecute', body, req.files, req.unknownKeys);
      if (body.username !== undefined) checkWebhookName(body.username, ['username']);
      const parent = getChannel(ctx, w.channel_id);
      let channel = targetChannel(w, req);
      let starterId: string | undefined;
      if (parent.type === ChannelType.GuildForum && !req.query.get('thread_id')) {
        // A webhook makes a forum post when given thread_name (a forum needs one or thread_id).
        if (!body.thread_name) throw new DiscordApiError(400, 220001, 'Webhooks posted to forum channels must have a thread_name or thread_id');
        checkThreadName(body.thread_name, ['thread_name']);
        channel = createThread(ctx, { parent, name: body.thread_name, ownerId: w.id });
        starterId = channel.id; // the post's first message shares the thread id
      }
      if (isThread(channel)) assertThreadWritable(ctx, channel, bot(), true);
      const author: APIUser = {
        id: w.id,
        username: body.username?.trim() ?? w.name,
        avatar: null,
        discriminator: '0000',
        global_name: null,
        bot: true,
        public_flags: 0 as UserFlags,
        flags: 0 as UserFlags,
        primary_guild: null,
      };
      const message = createMessage(ctx, {
        channel,
        authorId: w.id,
        authorOverride: author,
        webhookId: w.id,
        id: starterId,
        ...messageFields(ctx, channel, body, req.files),
      });
      if (body.avatar_url) (message.author as APIUser & { avatar_url?: string }).avatar_url = body.avatar_url;
      return req.query.get('wait') === 'true' ? { status: 200, body: messagePayload(ctx, message), schema: 'message' } : { status: 204 };
    },
    { auth: false },
  );

  for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
    for (const template of ['/webhooks/{webhook_id}/{webhook_token}/messages/@original', '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}']) {
      router.add(
        method,
        template,
        (req) => {
          const messageId = template.endsWith('@original') ? '@original' : req.params.message_id!;
          const viaInteraction = handleInteractionWebhook(ctx, tracker, req, messageId);
          if (viaInteraction) return viaInteraction;
          const w = getWebhook(req);
          const channel = targetChannel(w, req);
          const message = getMessage(ctx, channel.id, messageId);
          if (message.webhook_id !== w.id) throw notFound(ErrorCode.UnknownMessage, 'Message');
          if (method === 'GET') return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
          if (isThread(channel) && channel.thread_metadata?.archived) throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
          if (method === 'DELETE') {
            deleteMessage(ctx, message);
            return { status: 204 };
          }
          applyWebhookEdit(ctx, req, message, channel.id);
          return { status: 200, body: messagePayload(ctx, message), schema: 'message' };
        },
        { auth: false },
      );
    }
  }
}
