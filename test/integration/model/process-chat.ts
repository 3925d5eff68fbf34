import { starterCarriesMarker } from '../../../src/core/essays/essay-marker.js';
import type { ChannelKind, ThreadRef } from '../../../src/core/types.js';
import type { ChatPort, EssayThreadInput, StarterEmbed } from '../../../src/ports/chat-port.js';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import type { MemoryChat } from '../../support/memory-chat.js';
import type { Remote } from './faults.js';

/**
 * One process's view of Discord: every call goes through the process's `remote` (its faults) to the one
 * shared Discord (a MemoryChat). `findEssayThread` matches the delimited `<url>` the starter carries, as
 * the port promises, so the model tests the sync core rather than the adapter's own matching.
 */
export class ProcessChat implements ChatPort {
  constructor(
    private readonly discord: MemoryChat,
    private readonly remote: Remote,
  ) {}

  createEssayThread(input: EssayThreadInput): Promise<ThreadRef> {
    return this.remote.call('chat', 'createEssayThread', () => this.discord.createEssayThread(input));
  }

  findEssayThread(input: { guildId: string; channelId: string; marker: string; title: string }): Promise<ThreadRef | null> {
    return this.remote.call('chat', 'findEssayThread', () => {
      const thread = this.discord.threads.find((t) => t.channelId === input.channelId && starterCarriesMarker(t.messages[0]?.content ?? '', input.marker));
      return thread ? { guildId: input.guildId, channelId: input.channelId, threadId: thread.id, starterMessageId: thread.id } : null;
    });
  }

  editEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null }): Promise<void> {
    return this.remote.call('chat', 'editEssayThread', () => this.discord.editEssayThread(ref, input));
  }

  closeEssayThread(ref: ThreadRef, note: string): Promise<void> {
    return this.remote.call('chat', 'closeEssayThread', () => this.discord.closeEssayThread(ref, note));
  }

  reopenEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null; note: string }): Promise<void> {
    return this.remote.call('chat', 'reopenEssayThread', () => this.discord.reopenEssayThread(ref, input));
  }

  postAsWebhook(ref: ThreadRef, input: { username: string; avatarUrl: string | null; content: string }): Promise<string> {
    return this.remote.call('chat', 'postAsWebhook', () => this.discord.postAsWebhook(ref, input));
  }

  findRecentMessage(threadId: string, marker: string): Promise<string | null> {
    return this.remote.call('chat', 'findRecentMessage', () => this.discord.findRecentMessage(threadId, marker));
  }

  recentThreadMessages(): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }> {
    return this.remote.call('chat', 'recentThreadMessages', () => this.discord.recentThreadMessages());
  }

  threadMessageGone(): Promise<boolean> {
    return this.remote.call('chat', 'threadMessageGone', () => this.discord.threadMessageGone());
  }

  editWebhookMessage(ref: ThreadRef, messageId: string, content: string): Promise<void> {
    return this.remote.call('chat', 'editWebhookMessage', () => this.discord.editWebhookMessage(ref, messageId, content));
  }

  deleteWebhookMessage(ref: ThreadRef, messageId: string): Promise<void> {
    return this.remote.call('chat', 'deleteWebhookMessage', () => this.discord.deleteWebhookMessage(ref, messageId));
  }

  setReaction(channelId: string, messageId: string, emoji: string, on: boolean): Promise<void> {
    return this.remote.call('chat', 'setReaction', () => this.discord.setReaction(channelId, messageId, emoji, on));
  }

  sendDirectMessage(userId: string, content: string): Promise<string> {
    return this.remote.call('chat', 'sendDirectMessage', () => this.discord.sendDirectMessage(userId, content));
  }

  sendChannelMessage(channelId: string, input: { content: string }): Promise<string> {
    return this.remote.call('chat', 'sendChannelMessage', () => this.discord.sendChannelMessage(channelId, input));
  }

  findOwnMessageSince(target: { userId: string } | { channelId: string }, since: Date, marker: string): Promise<string | null> {
    return this.remote.call('chat', 'findOwnMessageSince', () => this.discord.findOwnMessageSince(target, since, marker));
  }

  missingPermissions(channelId: string, kind: ChannelKind): Promise<string[]> {
    return this.remote.call('chat', 'missingPermissions', () => this.discord.missingPermissions(channelId, kind));
  }
}
