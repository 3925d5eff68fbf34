// What the round-confirm notice (src/reviews/round-notice-effect.ts) reads to tell a student what they review,
// and how the round's notices went (src/reviews/round-notices.ts, for the confirm reply).
import type { Db } from '../client.js';

/** The round with its course's names and defaults, and the student's Discord account and time zone (either null when gone). */
export async function roundNoticeFacts(db: Db, roundId: string, studentId: string) {
  const round = await db.reviewRound.findUnique({
    where: { id: roundId },
    select: {
      name: true,
      dueAt: true,
      status: true,
      course: { select: { name: true, guildId: true, channelId: true, timeZone: true, minCommentWords: true } },
    },
  });
  const student = await db.student.findUnique({ where: { id: studentId }, select: { discordUserId: true, timeZone: true } });
  return { round, student };
}

/** The student's assignments in the round that are not cancelled, by slot, with each essay's title, link, thread and author. */
export function essaysOwedInRound(db: Db, roundId: string, studentId: string) {
  return db.assignment.findMany({
    where: { roundId, reviewerStudentId: studentId, status: { not: 'cancelled' } },
    orderBy: { slotKey: 'asc' },
    select: { essay: { select: { title: true, url: true, threadId: true, authorName: true, author: { select: { displayName: true } } } } },
  });
}

/** The outbox items whose dedupeKey starts with `keyPrefix` (a round's notices): key, status and stored result. */
export function noticeItemsByKeyPrefix(db: Db, keyPrefix: string): Promise<Array<{ dedupeKey: string; status: string; result: string | null }>> {
  return db.outboxItem.findMany({ where: { dedupeKey: { startsWith: keyPrefix } }, select: { dedupeKey: true, status: true, result: true } });
}
