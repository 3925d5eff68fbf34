import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

// Course lookups for the adapters and jobs: which course a command is about, what the course tick needs.

/** The course a command works on, as commands/ and src/discord see it. */
export interface CourseRow {
  id: string;
  name: string;
  guildId: string;
  channelId: string;
  staffRoleId: string;
  staffChannelId: string | null;
  timeZone: string;
}

const courseRowSelect = { id: true, name: true, guildId: true, channelId: true, staffRoleId: true, staffChannelId: true, timeZone: true } as const;

/** The live (not purged) course of this server whose channel is one of `channelIds`. */
export function findCourseInChannels(db: Db, guildId: string, channelIds: string[]): Promise<CourseRow | null> {
  return db.course.findFirst({ where: { guildId, channelId: { in: channelIds }, purgedAt: null }, select: courseRowSelect });
}

/** Up to `take` live courses of a server: enough to tell "none", "one" and "several" apart. */
export function listServerCourses(db: Db, guildId: string, take: number): Promise<CourseRow[]> {
  return db.course.findMany({ where: { guildId, purgedAt: null }, select: courseRowSelect, take });
}

export async function courseBlogUrl(db: Db, courseId: string): Promise<string> {
  return (await courseById(db, courseId, { blogUrl: true })).blogUrl;
}

/** 'wordpress' | 'wordpress_com' | 'feed', as stored. */
export async function courseBlogKind(db: Db, courseId: string): Promise<string> {
  return (await courseById(db, courseId, { blogKind: true })).blogKind;
}

/** Courses a process may serve (active or flagged, not purged), in id order: the lease claim's list. */
export function servableCourses(db: Db): Promise<Array<{ id: string; guildId: string }>> {
  return db.course.findMany({ where: { status: { in: ['active', 'flagged'] }, purgedAt: null }, select: { id: true, guildId: true }, orderBy: { id: 'asc' } });
}

/** What decides whether a push may wake a course here: its guild (shard), its status, whether it was purged. */
export function courseServingState(db: Db, courseId: string): Promise<{ guildId: string; status: string; purgedAt: Date | null } | null> {
  return db.course.findUnique({ where: { id: courseId }, select: { guildId: true, status: true, purgedAt: true } });
}

/** The course tick's poll pacing: its interval and when the blog last pushed a real change. */
export async function coursePollPacing(db: Db, courseId: string): Promise<{ pollIntervalMinutes: number; lastPushEventAt: Date | null }> {
  const course = await courseById(db, courseId, { pollIntervalMinutes: true, pushLink: { select: { lastEventAt: true } } });
  return { pollIntervalMinutes: course.pollIntervalMinutes, lastPushEventAt: course.pushLink?.lastEventAt ?? null };
}

/** Records the course's reminder thread unless another process recorded one first; returns the one recorded. */
export async function adoptReminderThread(db: Db, courseId: string, threadId: string): Promise<string | null> {
  await db.course.updateMany({ where: { id: courseId, reminderThreadId: null }, data: { reminderThreadId: threadId } });
  return (await courseById(db, courseId, { reminderThreadId: true })).reminderThreadId;
}

/** Forgets the course's reminder thread if it is still this one (Discord says it is gone). */
export async function dropReminderThread(db: Db, courseId: string, threadId: string): Promise<void> {
  await db.course.updateMany({ where: { id: courseId, reminderThreadId: threadId }, data: { reminderThreadId: null } });
}

/** The server (guild) a course lives in. */
export async function courseGuildId(db: Db, courseId: string): Promise<string> {
  return (await courseById(db, courseId, { guildId: true })).guildId;
}

/** Course id -> name, for every course (purged ones too): how /report health names the course leases. */
export async function courseNamesById(db: Db): Promise<Map<string, string>> {
  return new Map((await db.course.findMany({ select: { id: true, name: true } })).map((c) => [c.id, c.name]));
}
