import type { ChannelKind, ThreadRef } from '../../src/core/types.js';
import { ChatError, type ChatPort, type EssayThreadInput, type StarterEmbed } from '../../src/ports/chat-port.js';
import type { IncomingThreadMessage } from '../../src/ports/thread-message.js';

export interface MemoryMessage {
  id: string;
  content: string;
  embed: StarterEmbed | null;
  username: string | null;
  viaWebhook: boolean;
  deleted: boolean;
  reactions: Set<string>;
}

export interface MemoryThread {
  id: string;
  channelId: string;
  title: string;
  locked: boolean;
  archived: boolean;
  messages: MemoryMessage[];
}

type Operation = 'createEssayThread' | 'postAsWebhook' | 'editEssayThread' | 'closeEssayThread';

/**
 * An in-memory ChatPort for use-case tests that need to cut the wire at exact points: `crashAfter`
 * performs the call and then throws, which is what a process killed between the Discord call and the
 * database write looks like to the next try. Tests through discord.js use the emulator instead.
 */
export class MemoryChat implements ChatPort {
  threads: MemoryThread[] = [];
  dms: Array<{ userId: string; content: string }> = [];
  channelMessages: Array<{ channelId: string; content: string }> = [];
  /** Permissions reported missing by missingPermissions, and enforced on thread creation. */
  missing: string[] = [];
  private nextId = 1_000;
  private crashes = new Map<Operation, number>();
  down = false;

  crashAfter(operation: Operation, times = 1): void {
    this.crashes.set(operation, (this.crashes.get(operation) ?? 0) + times);
  }

  private maybeCrash(operation: Operation): void {
    const left = this.crashes.get(operation) ?? 0;
    if (left > 0) {
      this.crashes.set(operation, left - 1);
      throw new ChatError('unavailable', `simulated crash after ${operation}`);
    }
  }

  private id(): string {
    return String(this.nextId++);
  }

  private thread(id: string): MemoryThread {
    if (this.down) throw new ChatError('unavailable', 'Discord is down (simulated)');
    const thread = this.threads.find((t) => t.id === id);
    if (!thread) throw new ChatError('unknown_target', `unknown thread ${id}`, 10003);
    return thread;
  }

  visibleMessages(threadId: string): MemoryMessage[] {
    return this.thread(threadId).messages.filter((m) => !m.deleted);
  }

  async createEssayThread(input: EssayThreadInput): Promise<ThreadRef> {
    if (this.down) throw new ChatError('unavailable', 'Discord is down (simulated)');
    if (this.missing.length) throw new ChatError('missing_permission', 'Missing Permissions', 50013);
    const id = this.id();
    this.threads.push({
      id,
      channelId: input.channelId,
      title: input.title,
      locked: false,
      archived: false,
      messages: [{ id, content: input.content, embed: input.embed, username: null, viaWebhook: false, deleted: false, reactions: new Set() }],
    });
    this.maybeCrash('createEssayThread');
    return { guildId: input.guildId, channelId: input.channelId, threadId: id, starterMessageId: id };
  }

  async findEssayThread(input: { channelId: string; marker: string; guildId: string }): Promise<ThreadRef | null> {
    const thread = this.threads.find((t) => t.channelId === input.channelId && t.messages[0]?.content.split('\n').includes(input.marker));
    return thread ? { guildId: input.guildId, channelId: input.channelId, threadId: thread.id, starterMessageId: thread.id } : null;
  }

  async editEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null }): Promise<void> {
    const thread = this.thread(ref.threadId);
    thread.title = input.title;
    thread.messages[0]!.content = input.content;
    thread.messages[0]!.embed = input.embed;
    this.maybeCrash('editEssayThread');
  }

  async closeEssayThread(ref: ThreadRef, note: string): Promise<void> {
    const thread = this.thread(ref.threadId);
    thread.messages.push({ id: this.id(), content: note, embed: null, username: null, viaWebhook: false, deleted: false, reactions: new Set() });
    thread.title = thread.title.startsWith('[removed] ') ? thread.title : `[removed] ${thread.title}`;
    thread.locked = true;
    thread.archived = true;
    this.maybeCrash('closeEssayThread');
  }

  async reopenEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null; note: string }): Promise<void> {
    const thread = this.thread(ref.threadId);
    if (thread.locked)
      thread.messages.push({ id: this.id(), content: input.note, embed: null, username: null, viaWebhook: false, deleted: false, reactions: new Set() });
    thread.locked = false;
    thread.archived = false;
    await this.editEssayThread(ref, input);
  }

  async postAsWebhook(ref: ThreadRef, input: { username: string; avatarUrl: string | null; content: string }): Promise<string> {
    const thread = this.thread(ref.threadId);
    const id = this.id();
    thread.messages.push({ id, content: input.content, embed: null, username: input.username, viaWebhook: true, deleted: false, reactions: new Set() });
    this.maybeCrash('postAsWebhook');
    return id;
  }

  /**
   * Students' replies never live here (use-case tests hand them to the use cases directly), so this Discord
   * cannot vouch for any thread's messages: it reads back nothing, and knows of no message that is gone.
   */
  async recentThreadMessages(): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }> {
    return { messages: [], wholeThread: false };
  }

  async threadMessageGone(): Promise<boolean> {
    return false;
  }

  async findRecentMessage(threadId: string, marker: string): Promise<string | null> {
    return this.thread(threadId).messages.find((m) => !m.deleted && m.content.includes(marker))?.id ?? null;
  }

  async editWebhookMessage(ref: ThreadRef, messageId: string, content: string): Promise<void> {
    const message = this.thread(ref.threadId).messages.find((m) => m.id === messageId && !m.deleted);
    if (!message) throw new ChatError('unknown_target', 'unknown message', 10008);
    message.content = content;
  }

  async deleteWebhookMessage(ref: ThreadRef, messageId: string): Promise<void> {
    const message = this.thread(ref.threadId).messages.find((m) => m.id === messageId && !m.deleted);
    if (!message) throw new ChatError('unknown_target', 'unknown message', 10008);
    message.deleted = true;
  }

  async setReaction(channelId: string, messageId: string, emoji: string, on: boolean): Promise<void> {
    const thread = this.thread(channelId);
    let message = thread.messages.find((m) => m.id === messageId);
    if (!message) {
      // Student messages are not created through the port; track their reactions all the same.
      message = { id: messageId, content: '', embed: null, username: null, viaWebhook: false, deleted: false, reactions: new Set() };
      thread.messages.push(message);
    }
    if (on) message.reactions.add(emoji);
    else message.reactions.delete(emoji);
  }

  async sendDirectMessage(userId: string, content: string): Promise<string> {
    const dm = { userId, content };
    this.dms.push(dm);
    return this.idOf(dm);
  }

  async sendChannelMessage(channelId: string, input: { content: string }): Promise<string> {
    const message = { channelId, content: input.content };
    this.channelMessages.push(message);
    return this.idOf(message);
  }

  /** Memory keeps no send times: every message of ours counts as sent after `since`. */
  async findOwnMessageSince(target: { userId: string } | { channelId: string }, _since: Date, marker: string): Promise<string | null> {
    if (this.down) throw new ChatError('unavailable', 'Discord is down (simulated)');
    const sent = 'userId' in target ? this.dms.filter((m) => m.userId === target.userId) : this.channelMessages.filter((m) => m.channelId === target.channelId);
    const found = sent.find((m) => m.content.split('\n').includes(marker));
    return found ? (this.sentIds.get(found) ?? null) : null;
  }

  /** DM and channel message ids kept beside the records, so tests can keep comparing records whole. */
  private readonly sentIds = new WeakMap<object, string>();
  private idOf(record: object): string {
    const id = this.id();
    this.sentIds.set(record, id);
    return id;
  }

  async missingPermissions(_channelId: string, _kind: ChannelKind): Promise<string[]> {
    return [...this.missing];
  }
}
