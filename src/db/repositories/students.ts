import type { Db } from '../client.js';

/** The roster entry of a Discord account in a course, or null when that account is not on the roster. */
export function findStudentByDiscordId(db: Db, courseId: string, discordUserId: string): Promise<{ id: string; displayName: string } | null> {
  return db.student.findUnique({ where: { courseId_discordUserId: { courseId, discordUserId } }, select: { id: true, displayName: true } });
}
