// Reading an essay thread back from Discord: its newest page of messages and whether a message the bot recorded
// still exists (src/sync/comments/read-back-thread.ts says when and why), and a recent message by its marker.
import { DiscordAPIError, RESTJSONErrorCodes, Routes, type Client } from 'discord.js';
import type { IncomingThreadMessage } from '../ports/thread-message.js';
import { describeThreadMessage } from './thread-messages.js';

/** Discord's largest page of messages: one call reads a thread back. */
const readBackPage = 100;

/** The thread's newest messages, oldest first; a thread staff deleted reads as no messages (and not as the whole thread). */
export async function recentThreadMessages(client: Client, threadId: string): Promise<{ messages: IncomingThreadMessage[]; wholeThread: boolean }> {
  const thread = await client.channels.fetch(threadId).catch((error: unknown) => {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return null;
    throw error;
  });
  if (!thread?.isThread()) return { messages: [], wholeThread: false };
  const page = await thread.messages.fetch({ limit: readBackPage, cache: false });
  const messages = [...page.values()]
    .sort((a, b) => a.createdTimestamp - b.createdTimestamp)
    .map((m) => ({ ...describeThreadMessage(m), editedAt: m.editedAt }));
  return { messages, wholeThread: page.size < readBackPage };
}

/** True only on Discord's "Unknown Message": read straight from the API, never from a cache. */
export async function threadMessageGone(client: Client, threadId: string, messageId: string): Promise<boolean> {
  try {
    await client.rest.get(Routes.channelMessage(threadId, messageId));
    return false;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return true;
    throw error;
  }
}

/** A recent message of the thread containing `marker` (reconciling an interrupted post). */
export async function findRecentMessage(client: Client, threadId: string, marker: string): Promise<string | null> {
  const thread = await client.channels.fetch(threadId);
  if (!thread?.isThread()) return null;
  const messages = await thread.messages.fetch({ limit: readBackPage });
  return messages.find((m) => m.content.includes(marker))?.id ?? null;
}
