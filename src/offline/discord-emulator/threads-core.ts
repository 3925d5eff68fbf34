// Threads: created in text channels, from a message (once per message), or as forum posts whose
// starter message shares the thread id. Archive/lock rules live here so REST and people agree.
import { ChannelType, MessageFlags, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { DiscordApiError, ErrorCode, missingPermissions } from './errors.js';
import { hasPermission } from './permissions.js';
import { channelPayload, threadPayload } from './serializers.js';
import { nextSnowflake } from './snowflake.js';
import type { EmuChannel, EmuMessage, EmuThreadMetadata } from './state.js';

export interface NewThread {
  parent: EmuChannel;
  name: string;
  ownerId: string;
  type?: ChannelType.PublicThread | ChannelType.PrivateThread;
  id?: string;
  appliedTags?: string[];
  autoArchiveDuration?: EmuThreadMetadata['auto_archive_duration'];
}

export function createThread(ctx: EmuContext, input: NewThread): EmuChannel {
  const now = new Date().toISOString();
  const thread: EmuChannel = {
    id: input.id ?? nextSnowflake(),
    type: input.type ?? ChannelType.PublicThread,
    guild_id: input.parent.guild_id!,
    name: input.name,
    parent_id: input.parent.id,
    position: 0,
    permission_overwrites: [],
    owner_id: input.ownerId,
    last_message_id: null,
    message_count: 0,
    applied_tags: input.appliedTags ?? [],
    thread_metadata: {
      archived: false,
      locked: false,
      auto_archive_duration: input.autoArchiveDuration ?? 10080,
      archive_timestamp: now,
      create_timestamp: now,
    },
  };
  ctx.state.channels.set(thread.id, thread);
  ctx.state.messages.set(thread.id, []);
  ctx.dispatch('THREAD_CREATE', { ...threadPayload(thread), newly_created: true }, { guildId: thread.guild_id });
  return thread;
}

/** Discord allows one thread per message; the second attempt is 160004. */
export function startThreadFromMessage(ctx: EmuContext, parent: EmuChannel, message: EmuMessage, name: string, ownerId: string): EmuChannel {
  if (message.thread || ctx.state.channels.has(message.id)) {
    throw new DiscordApiError(400, ErrorCode.ThreadAlreadyCreated, 'A thread has already been created for this message');
  }
  const thread = createThread(ctx, { parent, name, ownerId, id: message.id });
  message.thread = channelPayload(ctx, thread);
  message.flags = (message.flags ?? 0) | MessageFlags.HasThread;
  return thread;
}

export interface ThreadPatch {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  applied_tags?: string[];
}

/** Applies a thread update as `actorId`, with Discord's permission rules for archive and lock. */
export function updateThread(ctx: EmuContext, thread: EmuChannel, patch: ThreadPatch, actorId: string): EmuChannel {
  const md = thread.thread_metadata!;
  const canManage = hasPermission(ctx, thread, actorId, P.ManageThreads);
  const isOwner = thread.owner_id === actorId;
  // Renaming someone else's thread, locking, or touching a locked thread needs Manage Threads.
  if (!canManage && (patch.locked !== undefined || md.locked || (patch.name !== undefined && !isOwner))) throw missingPermissions();
  if (patch.name !== undefined) thread.name = patch.name;
  if (patch.applied_tags !== undefined) thread.applied_tags = patch.applied_tags;
  if (patch.locked !== undefined) md.locked = patch.locked;
  if (patch.archived !== undefined && patch.archived !== md.archived) {
    md.archived = patch.archived;
    md.archive_timestamp = new Date().toISOString();
  }
  ctx.dispatch('THREAD_UPDATE', threadPayload(thread), { guildId: thread.guild_id });
  return thread;
}

/**
 * Posting in a thread: archived -> 50083 (the bot must unarchive first); locked -> only with
 * Manage Threads. People posting in an archived, unlocked thread unarchive it, as in the client.
 */
export function assertThreadWritable(ctx: EmuContext, thread: EmuChannel, authorId: string, isBot: boolean): void {
  const md = thread.thread_metadata!;
  if (md.locked && !hasPermission(ctx, thread, authorId, P.ManageThreads)) {
    throw new DiscordApiError(403, ErrorCode.ThreadLocked, 'This thread is locked');
  }
  if (md.archived) {
    if (isBot) throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
    updateThread(ctx, thread, { archived: false }, authorId);
  }
}
