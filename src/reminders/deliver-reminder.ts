// Sends one reminder: a DM, or a mention in the course's reminder thread when the student chose the
// channel or their DMs are closed (Discord 50007, remembered on the student). The fallback channel is
// course.reminderThreadId, else course.staffChannelId (the ChatPort cannot create threads; see ADR 0003).
import type { Db } from '../db/client.js';
import { ChatError, type ChatPort } from '../sync/chat-port.js';

/** DMs closed long ago are tried again: students change their privacy settings. */
const RETRY_CLOSED_DMS_MS = 7 * 24 * 3_600_000;

export interface Recipient {
  id: string;
  discordUserId: string | null;
  reminderMode: string;
  dmClosedAt: Date | null;
}

export type Delivery =
  | { status: 'sent'; via: 'dm' | 'channel' | 'staff_channel'; messageId: string }
  | { status: 'failed'; error: string }
  /** Discord was unreachable: leave the intent pending, the next sweep retries it. */
  | { status: 'retry'; error: string };

export async function deliverReminder(
  deps: { db: Db; chat: ChatPort; now: Date },
  course: { reminderThreadId: string | null; staffChannelId: string | null },
  student: Recipient,
  text: { dm: string; mention: string },
): Promise<Delivery> {
  if (!student.discordUserId) return { status: 'failed', error: 'no Discord account on the roster' };
  const closed = student.dmClosedAt !== null && deps.now.getTime() - student.dmClosedAt.getTime() < RETRY_CLOSED_DMS_MS;
  if (student.reminderMode !== 'channel' && !closed) {
    try {
      const messageId = await deps.chat.sendDirectMessage(student.discordUserId, text.dm);
      if (student.dmClosedAt) await deps.db.student.update({ where: { id: student.id }, data: { dmClosedAt: null } });
      return { status: 'sent', via: 'dm', messageId };
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      if (error.transient) return { status: 'retry', error: error.message };
      if (error.kind === 'dm_closed') {
        await deps.db.student.update({ where: { id: student.id }, data: { dmClosedAt: deps.now } });
        student.dmClosedAt = deps.now;
      }
      // Other refusals (blocked bot, unknown user) also fall back to the channel.
    }
  }
  const channelId = course.reminderThreadId ?? course.staffChannelId;
  if (!channelId) return { status: 'failed', error: 'DM not possible and the course has no reminder thread or staff channel' };
  try {
    const messageId = await deps.chat.sendChannelMessage(channelId, { content: text.mention, pingUserIds: [student.discordUserId] });
    return { status: 'sent', via: course.reminderThreadId ? 'channel' : 'staff_channel', messageId };
  } catch (error) {
    if (!(error instanceof ChatError)) throw error;
    return error.transient ? { status: 'retry', error: error.message } : { status: 'failed', error: `${error.kind}: ${error.message}` };
  }
}
