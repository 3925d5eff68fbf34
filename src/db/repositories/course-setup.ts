import type { Db, Tx } from '../client.js';

// The rows /course setup reads and writes (its sealed credentials: course-blog-secrets.ts).

/** The name of the course (purged or not) that already uses this channel of this server, or null. */
export async function courseNameInChannel(db: Db, guildId: string, channelId: string): Promise<string | null> {
  const existing = await db.course.findUnique({ where: { guildId_channelId: { guildId, channelId } }, select: { name: true } });
  return existing?.name ?? null;
}

/** A new course's row: the validated settings, where it lives on Discord, and from when essays are announced. */
export interface NewCourse {
  guildId: string;
  channelId: string;
  channelKind: string;
  name: string;
  blogKind: string;
  blogUrl: string;
  timeZone: string;
  staffRoleId: string;
  staffChannelId: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  pollIntervalMinutes: number;
  minCommentWords: number;
  blogNameStyle: string;
  endsAt: Date | null;
  ingestSince: Date;
  createdByUserId: string;
}

/** Inserts the course; returns its new id. */
export async function insertCourse(tx: Tx | Db, course: NewCourse): Promise<string> {
  const created = await tx.course.create({ data: course, select: { id: true } });
  return created.id;
}
