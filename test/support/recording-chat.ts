// A ChatPort that records what the use cases send, for integration tests of reminders and digests.
// It can be told that a user's DMs are closed (Discord 50007) or that Discord is down.
import type { ThreadRef } from '../../src/core/types.js';
import { ChatError, type ChatPort, type EssayThreadInput } from '../../src/ports/chat-port.js';
import type { IncomingThreadMessage } from '../../src/ports/thread-message.js';

export interface RecordedDm {
  userId: string;
  content: string;
  at: Date;
}

export interface RecordedChannelMessage {
  channelId: string;
  content: string;
  pingUserIds: string[];
  at: Date;
}

export class RecordingChat implements ChatPort {
  readonly dms: RecordedDm[] = [];
  readonly channelMessages: RecordedChannelMessage[] = [];
  private readonly closedDms = new Set<string>();
  private nextId = 1;
  /** When true every call fails as if Discord were unreachable (ChatError 'unavailable'). */
  down = false;

  constructor(private readonly now: () => Date = () => new Date()) {}

  closeDms(userId: string): void {
    this.closedDms.add(userId);
  }

  openDms(userId: string): void {
    this.closedDms.delete(userId);
  }

  private id(): string {
    return String(1_000_000_000_000_000 + this.nextId++);
  }

  /** Message ids kept beside the records, so tests can keep comparing records whole. */
  private readonly ids = new WeakMap<object, string>();
  private idOf(record: object): string {
    const id = this.id();
    this.ids.set(record, id);
    return id;
  }

  async findOwnMessageSince(target: { userId: string } | { channelId: string }, since: Date, marker: string): Promise<string | null> {
    this.checkUp();
    const sent: Array<RecordedDm | RecordedChannelMessage> =
      'userId' in target ? this.dms.filter((m) => m.userId === target.userId) : this.channelMessages.filter((m) => m.channelId === target.channelId);
    const found = sent.find((m) => m.at.getTime() >= since.getTime() && m.content.split('\n').includes(marker));
    return found ? (this.ids.get(found) ?? null) : null;
  }

  private checkUp(): void {
    if (this.down) throw new ChatError('unavailable', 'Discord is unreachable (recording chat)', null);
  }

  async sendDirectMessage(userId: string, content: string): Promise<string> {
    this.checkUp();
    if (this.closedDms.has(userId)) throw new ChatError('dm_closed', 'Cannot send messages to this user', 50007);
    if (content.length > 2_000) throw new ChatError('rejected', 'content longer than 2000', 50035);
    const dm = { userId, content, at: this.now() };
    this.dms.push(dm);
    return this.idOf(dm);
  }

  async sendChannelMessage(channelId: string, input: { content: string; pingUserIds?: string[] }): Promise<string> {
    this.checkUp();
    if (input.content.length > 2_000) throw new ChatError('rejected', 'content longer than 2000', 50035);
    const message = { channelId, content: input.content, pingUserIds: input.pingUserIds ?? [], at: this.now() };
    this.channelMessages.push(message);
    return this.idOf(message);
  }

  async createEssayThread(input: EssayThreadInput): Promise<ThreadRef> {
    this.checkUp();
    return { threadId: this.id(), starterMessageId: this.id(), channelId: input.channelId } as unknown as ThreadRef;
  }

  async findEssayThread(): Promise<ThreadRef | null> {
    return null;
  }

  /** A call whose effect is not recorded: it fails while Discord is down and otherwise does nothing. */
  private readonly unrecorded = async (): Promise<void> => this.checkUp();
  editEssayThread = this.unrecorded;
  closeEssayThread = this.unrecorded;
  reopenEssayThread = this.unrecorded;
  editWebhookMessage = this.unrecorded;
  deleteWebhookMessage = this.unrecorded;
  setReaction = this.unrecorded;

  async postAsWebhook(): Promise<string> {
    this.checkUp();
    return this.id();
  }
  async findRecentMessage(): Promise<string | null> {
    return null;
  }
  /** Records what the bot sends; it holds no thread, so it reads back nothing and knows of no deleted message. */
  async recentThreadMessages(): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }> {
    this.checkUp();
    return { messages: [], wholeThread: false };
  }
  async threadMessageGone(): Promise<boolean> {
    this.checkUp();
    return false;
  }
  async missingPermissions(): Promise<string[]> {
    return [];
  }
}
