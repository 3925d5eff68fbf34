// The course's reminder thread: a forum post (or a public thread in a text channel) named "Review
// reminders" in the course channel, where students can read it. Reminders by mention go there (a student
// chose it, or their DMs are closed), never to the staff channel. Opened at setup and again whenever it
// is needed and gone (deleted by a moderator), exactly once: the starter carries a marker line, so an
// open interrupted before it was recorded is found and adopted instead of opened twice.
import { createHash } from 'node:crypto';
import { adoptReminderThread, dropReminderThread } from '../db/repositories/courses.js';
import type { ChannelKind } from '../core/types.js';
import type { Db } from '../db/client.js';
import type { ChatPort } from '../ports/chat-port.js';

export const REMINDER_THREAD_NAME = 'Review reminders';

export interface ReminderThreadCourse {
  id: string;
  name: string;
  guildId: string;
  channelId: string;
  channelKind: string;
  reminderThreadId: string | null;
}

/** A whole line of the starter message, matched exactly when looking for a thread opened earlier. */
export function reminderThreadMarker(courseId: string): string {
  return `-# CourseThreads reminder thread · course ${courseId}`;
}

function starterText(course: ReminderThreadCourse): string {
  return [
    `⏰ **Review reminders — ${course.name.replace(/[*_`~|>]/g, '')}**`,
    'The bot posts peer review reminders here for students who chose to be reminded in the course channel, and for students whose DMs are closed. Each reminder mentions only its own student.',
    'To get your reminders by direct message instead, allow DMs from this server (Privacy Settings) and run `/reminders mode` with “Direct message”.',
    reminderThreadMarker(course.id),
  ].join('\n');
}

/**
 * The thread id to post reminders in: the recorded one, else one found by its marker, else a new one.
 * Recorded with a conditional update, so when two callers race the first record wins and both use it.
 */
export async function ensureReminderThread(deps: { db: Db; chat: ChatPort }, course: ReminderThreadCourse): Promise<string> {
  if (course.reminderThreadId) return course.reminderThreadId;
  const marker = reminderThreadMarker(course.id);
  const found = await deps.chat.findEssayThread({ guildId: course.guildId, channelId: course.channelId, marker, title: REMINDER_THREAD_NAME });
  const ref =
    found ??
    (await deps.chat.createEssayThread({
      guildId: course.guildId,
      channelId: course.channelId,
      channelKind: course.channelKind as ChannelKind,
      title: REMINDER_THREAD_NAME,
      content: starterText(course),
      embed: null,
      // Text channels: a repeat within minutes returns the same message instead of a second one.
      nonce: createHash('sha256').update(`reminder-thread:${course.id}`).digest('hex').slice(0, 25),
    }));
  course.reminderThreadId = (await adoptReminderThread(deps.db, course.id, ref.threadId)) ?? ref.threadId;
  return course.reminderThreadId;
}

/** The recorded thread is gone (Discord: unknown channel): forget it, so the next need opens a new one. */
export async function forgetReminderThread(db: Db, course: ReminderThreadCourse, threadId: string): Promise<void> {
  await dropReminderThread(db, course.id, threadId);
  if (course.reminderThreadId === threadId) course.reminderThreadId = null;
}
