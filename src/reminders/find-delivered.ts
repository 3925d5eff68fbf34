// Before a stale reminder is sent again: did an interrupted attempt already reach Discord? The retry comes
// 10 minutes or more after the attempt, when Discord's nonce window (a few minutes) has closed, so the nonce
// no longer guards it. Instead the bot looks for its own message carrying this reminder's marker line
// (reminder-marker.ts) in each place the attempt could have gone, from the reminder's planned time on.
import { ChatError, type ChatPort } from '../ports/chat-port.js';
import { reminderMarker } from './reminder-marker.js';

/** Bot and Discord clocks may differ a little: look this much earlier than the first attempt could be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type Found = { status: 'sent'; via: string; messageId: string; threadId?: string } | { status: 'retry'; error: string };

/** Where an earlier attempt may have gone, in the order it would have tried them. */
export interface Place {
  via: 'dm' | 'channel' | 'staff_channel';
  target: { userId: string } | { channelId: string };
}

/**
 * The earlier attempt's message as a 'sent' outcome, null when none of `places` has it, or 'retry' when
 * Discord could not be asked (the reminder stays pending; the next retry looks again from the same time).
 */
export async function findDelivered(chat: ChatPort, places: Place[], reminderId: string, plannedAt: Date): Promise<Found | null> {
  const since = new Date(plannedAt.getTime() - CLOCK_SKEW_MS);
  for (const place of places) {
    try {
      const messageId = await chat.findOwnMessageSince(place.target, since, reminderMarker(reminderId));
      if (messageId)
        return {
          status: 'sent',
          via: place.via,
          messageId,
          ...('channelId' in place.target && place.via === 'channel' ? { threadId: place.target.channelId } : {}),
        };
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      if (error.transient) return { status: 'retry', error: `could not check for an earlier attempt: ${error.message}` };
      // Gone (a deleted thread) or refused: nothing of ours can be read there, so nobody reads it there either.
    }
  }
  return null;
}
