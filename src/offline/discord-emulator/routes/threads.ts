// Creating threads: forum posts (with their starter message), threads in text channels, and
// threads started from a message (once per message: 160004 the second time).
import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, fieldError, invalidFormBody } from '../errors.js';
import { checkThreadName } from '../limits.js';
import { getChannel, getMessage } from '../lookups.js';
import { messageFields, requireSendPermissions, validateMessageBody, type MessageBody } from '../message-input.js';
import { createMessage } from '../messages-core.js';
import { requirePermissions } from '../permissions.js';
import type { Router } from '../router.js';
import { channelPayload, messagePayload } from '../serializers.js';
import { unknownKeys, validateBody } from '../spec-validation.js';
import { createThread, startThreadFromMessage } from '../threads-core.js';

interface ThreadBody {
  name?: string;
  type?: number;
  auto_archive_duration?: 60 | 1440 | 4320 | 10080;
  applied_tags?: string[];
  message?: MessageBody;
}

export function registerThreadRoutes(router: Router, ctx: EmuContext): void {
  const bot = () => ctx.config.botUserId;

  router.add('POST', '/channels/{channel_id}/threads', (req) => {
    const parent = getChannel(ctx, req.params.channel_id!);
    const body = (req.body ?? {}) as ThreadBody;
    if (parent.type === ChannelType.GuildForum) {
      validateBody('forumThread', body);
      req.unknownKeys.push(...unknownKeys('forumThread', body));
      checkThreadName(body.name);
      const message = body.message ?? {};
      validateMessageBody('messageCreate', message, req.files, req.unknownKeys, ['message']);
      // A forum post is a message: Send Messages ("Create Posts") on the forum.
      requireSendPermissions(ctx, { ...parent, type: ChannelType.GuildText }, bot(), message, req.files.length);
      const known = new Set((parent.available_tags ?? []).map((t) => t.id));
      const badTag = (body.applied_tags ?? []).findIndex((t) => !known.has(t));
      if (badTag >= 0) throw invalidFormBody(fieldError(['applied_tags', badTag], 'UNKNOWN_TAG', 'Unknown forum tag'));
      const thread = createThread(ctx, {
        parent,
        name: body.name!,
        ownerId: bot(),
        appliedTags: body.applied_tags,
        autoArchiveDuration: body.auto_archive_duration,
      });
      const starter = createMessage(ctx, { channel: thread, authorId: bot(), id: thread.id, ...messageFields(ctx, thread, message, req.files) });
      return { status: 201, body: { ...channelPayload(ctx, thread), message: messagePayload(ctx, starter) }, schema: 'createdThread' };
    }
    if (parent.type !== ChannelType.GuildText) throw new DiscordApiError(400, 50024, 'Cannot execute action on this channel type');
    validateBody('textThread', body);
    req.unknownKeys.push(...unknownKeys('textThread', body));
    checkThreadName(body.name);
    const isPrivate = body.type === ChannelType.PrivateThread;
    requirePermissions(ctx, parent, bot(), isPrivate ? P.CreatePrivateThreads : P.CreatePublicThreads);
    const thread = createThread(ctx, {
      parent,
      name: body.name!,
      ownerId: bot(),
      autoArchiveDuration: body.auto_archive_duration,
      type: isPrivate ? ChannelType.PrivateThread : ChannelType.PublicThread,
    });
    return { status: 201, body: channelPayload(ctx, thread), schema: 'thread' };
  });

  router.add('POST', '/channels/{channel_id}/messages/{message_id}/threads', (req) => {
    const parent = getChannel(ctx, req.params.channel_id!);
    const body = (req.body ?? {}) as ThreadBody;
    validateBody('threadFromMessage', body);
    req.unknownKeys.push(...unknownKeys('threadFromMessage', body));
    checkThreadName(body.name);
    if (parent.type !== ChannelType.GuildText) throw new DiscordApiError(400, 50024, 'Cannot execute action on this channel type');
    requirePermissions(ctx, parent, bot(), P.CreatePublicThreads);
    const message = getMessage(ctx, parent.id, req.params.message_id!);
    const thread = startThreadFromMessage(ctx, parent, message, body.name!, bot());
    return { status: 201, body: channelPayload(ctx, thread), schema: 'thread' };
  });
}
