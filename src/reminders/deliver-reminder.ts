// Sends one reminder where reminderRoute says: a DM, or a mention in the course's reminder thread when
// the student chose the channel or their DMs are closed (Discord 50007, remembered on the student).
// The reminder thread is opened when missing (and again when it was deleted); the staff channel is
// never used for a student's reminder: students cannot read it.
// Both carry a nonce derived from the reminder's id (enforced, as the round notice's DM, ADR 0005): a retry
// inside Discord's nonce window (discord.js retrying a timeout, a sweep after a crash between Discord's
// answer and the record) gets the first message back instead of posting a second one. Both also end with
// the reminder's marker line, which a retry after that window looks for first (find-delivered.ts).
import { createHash } from 'node:crypto';
import { setDmClosedAt } from '../db/repositories/students.js';
import { reminderRoute, type RouteStudent } from '../core/reminders/reminder-route.js';
import type { Db } from '../db/client.js';
import { ChatError, type ChatPort } from '../ports/chat-port.js';
import { withReminderMarker } from './reminder-marker.js';
import { ensureReminderThread, forgetReminderThread, type ReminderThreadCourse } from './reminder-thread.js';

export interface Recipient extends RouteStudent {
  id: string;
}

export type Delivery =
  | { status: 'sent'; via: 'dm' | 'channel'; messageId: string; threadId?: string }
  | { status: 'failed'; error: string }
  /** Discord was unreachable: leave the intent pending, the next sweep retries it. */
  | { status: 'retry'; error: string };

export const NO_DISCORD_ERROR = 'no Discord account on the roster';

/** Discord nonces are at most 25 characters: a prefix per route (DM, thread) and 23 hex digits of the key. */
export const reminderNonce = (reminderId: string, route: 'dm' | 'channel') =>
  `r${route === 'dm' ? 'd' : 'c'}${createHash('sha256').update(`reminder:${reminderId}:${route}`).digest('hex').slice(0, 23)}`;

export async function deliverReminder(
  deps: { db: Db; chat: ChatPort; now: Date },
  course: ReminderThreadCourse,
  student: Recipient,
  text: { dm: string; mention: string },
  /** The Reminder row's id: the same on every retry of this reminder, so its nonces are too. */
  reminderId: string,
): Promise<Delivery> {
  const route = reminderRoute(student, deps.now);
  const dm = withReminderMarker(text.dm, reminderId);
  const mention = withReminderMarker(text.mention, reminderId);
  if (route.kind === 'unreachable') return { status: 'failed', error: NO_DISCORD_ERROR };
  if (route.kind === 'dm') {
    try {
      const messageId = await deps.chat.sendDirectMessage(student.discordUserId!, dm, { nonce: reminderNonce(reminderId, 'dm') });
      if (student.dmClosedAt) await setDmClosedAt(deps.db, student.id, null);
      return { status: 'sent', via: 'dm', messageId };
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      if (error.transient) return { status: 'retry', error: error.message };
      if (error.kind === 'dm_closed') {
        await setDmClosedAt(deps.db, student.id, deps.now);
        student.dmClosedAt = deps.now;
      }
      // Other refusals (blocked bot, unknown user) also fall back to the reminder thread.
    }
  }
  return postInReminderThread(deps, course, student.discordUserId!, mention, reminderNonce(reminderId, 'channel'));
}

async function postInReminderThread(
  deps: { db: Db; chat: ChatPort },
  course: ReminderThreadCourse,
  userId: string,
  content: string,
  nonce: string,
): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    let threadId: string | null = null;
    try {
      threadId = await ensureReminderThread(deps, course);
      const messageId = await deps.chat.sendChannelMessage(threadId, { content, pingUserIds: [userId], nonce });
      return { status: 'sent', via: 'channel', messageId, threadId };
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      // The recorded thread was deleted: forget it and open a new one, once.
      if (error.kind === 'unknown_target' && threadId && attempt === 1) {
        await forgetReminderThread(deps.db, course, threadId);
        continue;
      }
      return error.transient ? { status: 'retry', error: error.message } : { status: 'failed', error: `${error.kind}: ${error.message}` };
    }
  }
}
