import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { ChatError } from '../ports/chat-port.js';

/** Turns discord.js errors into ChatError so use cases can decide between retrying and telling staff. */
export function toChatError(error: unknown): unknown {
  if (error instanceof ChatError) return error;
  if (error instanceof RateLimitError) return new ChatError('unavailable', `rate limited on ${error.route}`, 429);
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : null;
    const message = `${error.method.toUpperCase()} ${new URL(error.url).pathname}: ${error.message}`;
    if (code === 50013 || code === 50001) return new ChatError('missing_permission', message, code);
    if (code === 50007) return new ChatError('dm_closed', message, code);
    if (code === 10003 || code === 10008 || code === 10015) return new ChatError('unknown_target', message, code);
    if (code === 160004) return new ChatError('already_exists', message, code);
    if (error.status >= 500 || error.status === 429) return new ChatError('unavailable', message, code);
    return new ChatError('rejected', message, code);
  }
  // What discord.js throws when a 5xx outlasted its own retries.
  if (error instanceof HTTPError) return new ChatError('unavailable', `${error.method.toUpperCase()} ${error.url}: HTTP ${error.status}`, error.status);
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|aborted/i.test(error.message)) {
    return new ChatError('unavailable', error.message);
  }
  return error;
}

export async function chatCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toChatError(error);
  }
}
