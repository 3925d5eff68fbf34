import type { Db } from '../client.js';

/** Of these Discord message ids, the ones already recorded as comments (a reply is recorded once, by its id). */
export async function recordedDiscordMessages(db: Db, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.comment.findMany({ where: { discordMessageId: { in: messageIds } }, select: { discordMessageId: true } });
  return new Set(rows.flatMap((r) => (r.discordMessageId ? [r.discordMessageId] : [])));
}

/** The Discord message ids of an essay's replies recorded and not deleted: what its thread should still hold. */
export async function undeletedDiscordReplies(db: Db, essayId: string): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { essayId, origin: 'discord', deletedAt: null, discordMessageId: { not: null } },
    select: { discordMessageId: true },
  });
  return rows.flatMap((r) => (r.discordMessageId ? [r.discordMessageId] : []));
}
