import type { Db, Tx } from '../client.js';

// The Discord side of an essay: its thread (id, starter message, state) and the course channel it lives in.

/** Essays published since `since` whose thread is open, in courses not archived: where students may still be replying. */
export async function openEssayThreadsSince(db: Db, since: Date): Promise<Array<{ essayId: string; courseId: string; guildId: string }>> {
  const rows = await db.essay.findMany({
    where: { publishedAt: { gte: since }, blogStatus: 'published', threadState: 'created', threadId: { not: null }, course: { status: { not: 'archived' } } },
    select: { id: true, courseId: true, course: { select: { guildId: true } } },
    orderBy: { publishedAt: 'desc' },
  });
  return rows.map((r) => ({ essayId: r.id, courseId: r.courseId, guildId: r.course.guildId }));
}

/** What opening an essay's thread needs: its link (the marker), nonce, thread if already recorded, and the course's channel. */
export function essayThreadOpening(db: Db, essayId: string) {
  return db.essay.findUniqueOrThrow({
    where: { id: essayId },
    select: { url: true, threadNonce: true, threadId: true, courseId: true, course: { select: { guildId: true, channelId: true, channelKind: true } } },
  });
}

/** Where an essay's thread is: the thread (null until created), its starter message and the course's guild and channel. */
export function essayThreadPlace(db: Db, essayId: string) {
  return db.essay.findUniqueOrThrow({
    where: { id: essayId },
    select: { threadId: true, starterMessageId: true, course: { select: { guildId: true, channelId: true } } },
  });
}

/** Records the essay's new thread, its starter message and the hash of what the starter shows. */
export async function recordEssayThread(
  tx: Tx,
  essayId: string,
  thread: { threadId: string; starterMessageId: string | null; renderedHash: string },
): Promise<void> {
  await tx.essay.update({
    where: { id: essayId },
    data: { threadId: thread.threadId, starterMessageId: thread.starterMessageId, threadState: 'created', renderedHash: thread.renderedHash },
  });
}

/** The hash of what the thread's starter now shows (after an edit). */
export async function markEssayStarterRendered(tx: Tx, essayId: string, renderedHash: string): Promise<void> {
  await tx.essay.update({ where: { id: essayId }, data: { renderedHash } });
}

/** The essay's thread is locked (the essay left the blog). */
export async function markEssayThreadLocked(tx: Tx, essayId: string): Promise<void> {
  await tx.essay.update({ where: { id: essayId }, data: { threadState: 'locked' } });
}

/** The essay's thread is open again, its starter showing what `renderedHash` hashes. */
export async function markEssayThreadReopened(tx: Tx, essayId: string, renderedHash: string): Promise<void> {
  await tx.essay.update({ where: { id: essayId }, data: { threadState: 'created', renderedHash } });
}

/** The essay whose thread this is, with its blog status and the course's time zone; null when the thread is no essay's. */
export function essayOfThread(db: Db, threadId: string) {
  return db.essay.findUnique({
    where: { threadId },
    select: { id: true, courseId: true, blogStatus: true, course: { select: { timeZone: true } } },
  });
}

/** The essay's thread; null when the essay is gone or its thread is not created yet. */
export async function essayThreadId(db: Db, essayId: string): Promise<string | null> {
  const essay = await db.essay.findUnique({ where: { id: essayId }, select: { threadId: true } });
  return essay?.threadId ?? null;
}
