import type { Db } from '../client.js';

/** Essays published since `since` whose thread is open, in courses not archived: where students may still be replying. */
export async function openEssayThreadsSince(db: Db, since: Date): Promise<Array<{ essayId: string; courseId: string; guildId: string }>> {
  const rows = await db.essay.findMany({
    where: { publishedAt: { gte: since }, blogStatus: 'published', threadState: 'created', threadId: { not: null }, course: { status: { not: 'archived' } } },
    select: { id: true, courseId: true, course: { select: { guildId: true } } },
    orderBy: { publishedAt: 'desc' },
  });
  return rows.map((r) => ({ essayId: r.id, courseId: r.courseId, guildId: r.course.guildId }));
}
