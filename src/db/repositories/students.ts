import type { Db } from '../client.js';

/** The roster entry of a Discord account in a course, or null when that account is not on the roster. */
export function findStudentByDiscordId(db: Db, courseId: string, discordUserId: string): Promise<{ id: string; displayName: string } | null> {
  return db.student.findUnique({ where: { courseId_discordUserId: { courseId, discordUserId } }, select: { id: true, displayName: true } });
}

/** Remembers (or, with null, forgets) that Discord refused a DM to this student (50007: DMs closed). */
export async function setDmClosedAt(db: Db, studentId: string, at: Date | null): Promise<void> {
  await db.student.update({ where: { id: studentId }, data: { dmClosedAt: at } });
}

/** A student's reminder channel by Discord account; choosing DMs again clears a remembered "DMs closed". False when not on the roster. */
export async function setStudentReminderMode(db: Db, courseId: string, discordUserId: string, mode: 'dm' | 'channel'): Promise<boolean> {
  const changed = await db.student.updateMany({
    where: { courseId, discordUserId },
    data: { reminderMode: mode, ...(mode === 'dm' ? { dmClosedAt: null } : {}) },
  });
  return changed.count > 0;
}

/** Student id -> display name, for every student of the course. */
export async function studentNames(db: Db, courseId: string): Promise<Map<string, string>> {
  const rows = await db.student.findMany({ where: { courseId }, select: { id: true, displayName: true } });
  return new Map(rows.map((s) => [s.id, s.displayName]));
}

/** The students of a course who set their own time zone (few): id -> zone. */
export async function studentTimeZones(db: Db, courseId: string): Promise<Map<string, string | null>> {
  const rows = await db.student.findMany({ where: { courseId, timeZone: { not: null } }, select: { id: true, timeZone: true } });
  return new Map(rows.map((s) => [s.id, s.timeZone]));
}

/** The id of the student on the roster with this Discord account, or null. */
export async function studentIdByDiscordId(db: Db, courseId: string, discordUserId: string): Promise<string | null> {
  const row = await db.student.findUnique({ where: { courseId_discordUserId: { courseId, discordUserId } }, select: { id: true } });
  return row?.id ?? null;
}

/** Whether this student id is on the roster of this course (an id from another course is not). */
export async function isOnRoster(db: Db, courseId: string, studentId: string): Promise<boolean> {
  return (await db.student.findFirst({ where: { id: studentId, courseId }, select: { id: true } })) !== null;
}

/** The ids of every student of the course. */
export async function rosterStudentIds(db: Db, courseId: string): Promise<string[]> {
  return (await db.student.findMany({ where: { courseId }, select: { id: true } })).map((s) => s.id);
}

/** Student id -> display name for these ids (removed students are simply missing). */
export async function studentNamesByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.student.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(rows.map((s) => [s.id, s.displayName]));
}
