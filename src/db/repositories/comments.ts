import type { Db } from '../client.js';

/** Of these Discord message ids, the ones already recorded as comments (a reply is recorded once, by its id). */
export async function recordedDiscordMessages(db: Db, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.comment.findMany({ where: { discordMessageId: { in: messageIds } }, select: { discordMessageId: true } });
  return new Set(rows.flatMap((r) => (r.discordMessageId ? [r.discordMessageId] : [])));
}
