import { ChannelType, Routes, type Client, type ForumChannel, type MessageCreateOptions, type TextChannel, type ThreadChannel, type Webhook } from 'discord.js';
import { webhookUsername } from '../core/format/webhook-username.js';
import type { ChannelKind, ThreadRef } from '../core/types.js';
import { ChatError, type ChatPort, type EssayThreadInput, type StarterEmbed } from '../ports/chat-port.js';
import type { IncomingThreadMessage } from '../ports/thread-message.js';
import { chatCall } from './chat-errors.js';
import { toDiscordEmbed } from './embeds.js';
import { findEssayThread } from './find-essay-thread.js';
import { findOwnMessageSince } from './find-own-message.js';
import { missingPermissionsIn } from './required-permissions.js';
import { findRecentMessage, recentThreadMessages, threadMessageGone } from './read-thread-back.js';

const noPings = { parse: [] as never[] };
const webhookName = 'CourseThreads';

/** ChatPort on a logged-in discord.js client. Every message it sends pings nobody unless told to. */
export class DiscordChat implements ChatPort {
  private readonly webhooks = new Map<string, Webhook>();

  constructor(private readonly client: Client<true>) {}

  createEssayThread(input: EssayThreadInput): Promise<ThreadRef> {
    return chatCall(async () => {
      const channel = await this.client.channels.fetch(input.channelId);
      const embeds = input.embed ? [toDiscordEmbed(input.embed)] : [];
      if (channel?.type === ChannelType.GuildForum) {
        const thread = await channel.threads.create({
          name: input.title,
          message: { content: input.content, embeds, allowedMentions: noPings },
        });
        return { guildId: input.guildId, channelId: input.channelId, threadId: thread.id, starterMessageId: thread.id };
      }
      if (channel?.type !== ChannelType.GuildText) throw new ChatError('unknown_target', `channel ${input.channelId} is not a forum or text channel`);
      const message = await channel.send({
        content: input.content,
        embeds,
        nonce: input.nonce,
        enforceNonce: true,
        allowedMentions: noPings,
      });
      try {
        const thread = await message.startThread({ name: input.title });
        return { guildId: input.guildId, channelId: input.channelId, threadId: thread.id, starterMessageId: message.id };
      } catch (error) {
        // 160004: a thread was already started from this message (our earlier, interrupted try): its id is the message id.
        if ((error as { code?: number }).code === 160004) {
          return { guildId: input.guildId, channelId: input.channelId, threadId: message.id, starterMessageId: message.id };
        }
        throw error;
      }
    });
  }

  findEssayThread(input: { guildId: string; channelId: string; marker: string; title: string }): Promise<ThreadRef | null> {
    return chatCall(() => findEssayThread(this.client, input));
  }

  editEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null }): Promise<void> {
    return chatCall(async () => {
      const thread = await this.openThread(ref.threadId);
      if (thread.name !== input.title) await thread.setName(input.title);
      const starter = await thread.fetchStarterMessage();
      if (starter) await starter.edit({ content: input.content, embeds: input.embed ? [toDiscordEmbed(input.embed)] : [], allowedMentions: noPings });
    });
  }

  closeEssayThread(ref: ThreadRef, note: string): Promise<void> {
    return chatCall(async () => {
      const thread = await this.openThread(ref.threadId);
      await thread.send({ content: note, allowedMentions: noPings });
      const marked = thread.name.startsWith('[removed] ') ? thread.name : `[removed] ${thread.name}`.slice(0, 100);
      if (thread.name !== marked) await thread.setName(marked);
      await thread.setLocked(true);
      await thread.setArchived(true);
    });
  }

  reopenEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null; note: string; noteNonce: string }): Promise<void> {
    return chatCall(async () => {
      const thread = await this.openThread(ref.threadId);
      // The note is posted while still locked (the bot may), so a crash before unlocking retries both.
      if (thread.locked) {
        await thread.send({ content: input.note, nonce: input.noteNonce, enforceNonce: true, allowedMentions: noPings });
        await thread.setLocked(false);
      }
    }).then(() => this.editEssayThread(ref, input));
  }

  postAsWebhook(ref: ThreadRef, input: { username: string; avatarUrl: string | null; content: string }): Promise<string> {
    return chatCall(async () => {
      await this.openThread(ref.threadId);
      const webhook = await this.webhookFor(ref.channelId);
      const message = await webhook.send({
        content: input.content,
        // Discord refuses some names outright (50035), which would leave the comment a dead letter.
        username: webhookUsername(input.username),
        ...(input.avatarUrl ? { avatarURL: input.avatarUrl } : {}),
        threadId: ref.threadId,
        allowedMentions: noPings,
      });
      return message.id;
    });
  }

  findRecentMessage(threadId: string, marker: string): Promise<string | null> {
    return chatCall(() => findRecentMessage(this.client, threadId, marker));
  }

  recentThreadMessages(threadId: string): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }> {
    return chatCall(() => recentThreadMessages(this.client, threadId));
  }

  threadMessageGone(threadId: string, messageId: string): Promise<boolean> {
    return chatCall(() => threadMessageGone(this.client, threadId, messageId));
  }

  editWebhookMessage(ref: ThreadRef, messageId: string, content: string): Promise<void> {
    return chatCall(async () => {
      await this.openThread(ref.threadId);
      const webhook = await this.webhookFor(ref.channelId);
      await webhook.editMessage(messageId, { content, threadId: ref.threadId, allowedMentions: noPings });
    });
  }

  deleteWebhookMessage(ref: ThreadRef, messageId: string): Promise<void> {
    return chatCall(async () => {
      const webhook = await this.webhookFor(ref.channelId);
      await webhook.deleteMessage(messageId, ref.threadId);
    });
  }

  setReaction(channelId: string, messageId: string, emoji: string, on: boolean): Promise<void> {
    return chatCall(async () => {
      const route = Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji));
      if (on) await this.client.rest.put(route);
      else await this.client.rest.delete(route);
    });
  }

  sendDirectMessage(userId: string, content: string, options: { nonce?: string } = {}): Promise<string> {
    return chatCall(async () => {
      const user = await this.client.users.fetch(userId);
      const message = await user.send({ content, allowedMentions: noPings, ...(options.nonce ? { nonce: options.nonce, enforceNonce: true } : {}) });
      return message.id;
    });
  }

  sendChannelMessage(
    channelId: string,
    input: { content: string; pingUserIds?: string[]; files?: Array<{ name: string; data: Buffer; description?: string }>; nonce?: string },
  ): Promise<string> {
    return chatCall(async () => {
      const channel = await this.client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new ChatError('unknown_target', `channel ${channelId} cannot receive messages`);
      if (channel.isThread() && channel.archived) await channel.setArchived(false);
      const options: MessageCreateOptions = {
        content: input.content,
        allowedMentions: { parse: [], users: input.pingUserIds ?? [] },
        files: (input.files ?? []).map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })),
        ...(input.nonce ? { nonce: input.nonce, enforceNonce: true } : {}),
      };
      const message = await channel.send(options);
      return message.id;
    });
  }

  findOwnMessageSince(target: { userId: string } | { channelId: string }, since: Date, marker: string): Promise<string | null> {
    return chatCall(() => findOwnMessageSince(this.client, target, since, marker));
  }

  missingPermissions(channelId: string, kind: ChannelKind): Promise<string[]> {
    return chatCall(() => missingPermissionsIn(this.client, channelId, kind));
  }

  /** Fetches a thread and unarchives it when the bot needs to act in it. */
  private async openThread(threadId: string): Promise<ThreadChannel> {
    const thread = await this.client.channels.fetch(threadId);
    if (!thread?.isThread()) throw new ChatError('unknown_target', `thread ${threadId} no longer exists`, 10003);
    if (thread.archived) await thread.setArchived(false);
    return thread;
  }

  /** The bot's own webhook on the forum/text channel, created once and kept in memory (its token is never stored). */
  private async webhookFor(channelId: string): Promise<Webhook> {
    const cached = this.webhooks.get(channelId);
    if (cached) return cached;
    const channel = (await this.client.channels.fetch(channelId)) as ForumChannel | TextChannel;
    const existing = (await channel.fetchWebhooks()).find((w) => w.owner?.id === this.client.user.id && w.token);
    const webhook = existing ?? (await channel.createWebhook({ name: webhookName, reason: 'Mirror blog comments into essay threads' }));
    this.webhooks.set(channelId, webhook);
    return webhook;
  }
}
