import type { StarterEmbed } from '../core/format/index.js';
import type { ChannelKind, ThreadRef } from '../core/types.js';
import type { IncomingThreadMessage } from './thread-message.js';

export type { StarterEmbed };

/**
 * What the use cases need from Discord, in the project's own types. The discord.js adapter
 * (src/discord/discord-chat.ts) implements it; errors it throws are ChatError.
 */
export interface ChatPort {
  /** Creates the essay's forum post (or message + thread in a text channel). */
  createEssayThread(input: EssayThreadInput): Promise<ThreadRef>;
  /** Finds a thread created earlier for this essay, by the marker (`<essay URL>`, a whole line of its starter message). */
  findEssayThread(input: { guildId: string; channelId: string; marker: string; title: string }): Promise<ThreadRef | null>;
  editEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null }): Promise<void>;
  /** Marks a thread whose essay left the blog: renamed with a prefix, a note posted, then locked and archived. */
  closeEssayThread(ref: ThreadRef, note: string): Promise<void>;
  /**
   * Undoes closeEssayThread for an essay published again: when the thread is still locked, posts `note`
   * (with `noteNonce`, so a retry within minutes does not post it twice) and unlocks it; then brings the
   * title and starter in line with the essay (which also drops the prefix).
   */
  reopenEssayThread(ref: ThreadRef, input: { title: string; content: string; embed: StarterEmbed | null; note: string; noteNonce: string }): Promise<void>;
  /** Posts a blog comment into the thread under the commenter's name (channel webhook, wait=true). */
  postAsWebhook(ref: ThreadRef, input: { username: string; avatarUrl: string | null; content: string }): Promise<string>;
  /** A recent message in the thread containing `marker` (used to reconcile after an interrupted post). */
  findRecentMessage(threadId: string, marker: string): Promise<string | null>;
  /**
   * The thread's newest messages (up to 100), oldest first, as the gateway would have delivered them: for reading
   * back replies whose events the bot could not act on (the thread was not recorded yet, the bot was down).
   * `wholeThread`: nothing older exists. A thread that no longer exists reads as no messages, not the whole thread.
   */
  recentThreadMessages(threadId: string): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }>;
  /** True only when Discord says this message does not exist (deleted); any doubt throws or answers false. */
  threadMessageGone(threadId: string, messageId: string): Promise<boolean>;
  editWebhookMessage(ref: ThreadRef, messageId: string, content: string): Promise<void>;
  deleteWebhookMessage(ref: ThreadRef, messageId: string): Promise<void>;
  setReaction(channelId: string, messageId: string, emoji: string, on: boolean): Promise<void>;
  /**
   * Direct message; throws ChatError 'dm_closed' when the user does not accept DMs. With a `nonce` (at most
   * 25 characters) Discord returns the first message for a repeat within minutes instead of sending another.
   */
  sendDirectMessage(userId: string, content: string, options?: { nonce?: string }): Promise<string>;
  /** A message in a channel or thread; only `pingUserIds` may be mentioned. A `nonce` is enforced as for a DM. */
  sendChannelMessage(channelId: string, input: { content: string; pingUserIds?: string[]; files?: ChatFile[]; nonce?: string }): Promise<string>;
  /**
   * The bot's own message, sent after `since`, that has `marker` as a whole line: in the DM with `userId`
   * or in `channelId`. Reconciles a send interrupted after Discord's nonce window closed (nonces are not
   * kept in message history, so a marker in the text is what can be found). Null when there is none.
   */
  findOwnMessageSince(target: { userId: string } | { channelId: string }, since: Date, marker: string): Promise<string | null>;
  /** Permissions the bot lacks in a channel, as readable names (empty = all good). */
  missingPermissions(channelId: string, kind: ChannelKind): Promise<string[]>;
}

export interface EssayThreadInput {
  guildId: string;
  channelId: string;
  channelKind: ChannelKind;
  title: string;
  content: string;
  embed: StarterEmbed | null;
  /** Discord de-duplicates a repeated message nonce for a few minutes (text channels). */
  nonce: string;
}

export interface ChatFile {
  name: string;
  data: Buffer;
  /** Alt text shown to screen readers (Discord: at most 1024 characters). */
  description?: string;
}

export type ChatErrorKind =
  | 'missing_permission' // 50013
  | 'dm_closed' // 50007
  | 'unknown_target' // 10003 unknown channel, 10008 unknown message, 10015 unknown webhook
  | 'already_exists' // 160004 thread already created for this message
  | 'rejected' // other 4xx
  | 'unavailable'; // 5xx, timeouts, rate limits that were not absorbed

export class ChatError extends Error {
  constructor(
    readonly kind: ChatErrorKind,
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
    this.name = 'ChatError';
  }

  /** Worth retrying later: Discord is down, or a permission staff can restore (the course is flagged meanwhile). */
  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'missing_permission';
  }
}
