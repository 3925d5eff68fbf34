import type { Db, Tx } from '../client.js';

// Students' thread replies as comments (origin 'discord', one row per Discord message by its unique id): recorded
// when written, their edits ordered by Discord's edit time, their deletion; and who wrote them, as the blog shows it.

/** The roster entry of a reply's author, with their name and publication choices and the course's name style; null when not on the roster. */
export function replyAuthor(db: Db, courseId: string, discordUserId: string) {
  return db.student.findUnique({
    where: { courseId_discordUserId: { courseId, discordUserId } },
    select: {
      id: true,
      displayName: true,
      blogNameStyle: true,
      pseudonym: true,
      pseudonymStatus: true,
      discordOnly: true,
      course: { select: { blogNameStyle: true } },
    },
  });
}

/** A student's reply as it is first recorded; `mirrorState` only for one kept in Discord. */
export interface NewDiscordReply {
  courseId: string;
  essayId: string;
  discordMessageId: string;
  authorStudentId: string | null;
  authorName: string | null;
  wordCount: number;
  contentHash: string;
  writtenAt: Date;
  mirrorState?: string;
}

/** Records a reply; its id. A message recorded already (delivered twice) makes this a unique violation. */
export async function insertDiscordReply(tx: Tx, reply: NewDiscordReply): Promise<string> {
  const row = await tx.comment.create({
    data: {
      courseId: reply.courseId,
      essayId: reply.essayId,
      origin: 'discord',
      discordMessageId: reply.discordMessageId,
      authorStudentId: reply.authorStudentId,
      authorName: reply.authorName,
      wordCount: reply.wordCount,
      contentHash: reply.contentHash,
      writtenAt: reply.writtenAt,
      ...(reply.mirrorState !== undefined ? { mirrorState: reply.mirrorState } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** A recorded reply by its Discord message, with whether it is kept in Discord and its course's time zone; null when not recorded. */
export function replyForEdit(db: Db, discordMessageId: string) {
  return db.comment.findUnique({
    where: { discordMessageId },
    select: { id: true, courseId: true, essayId: true, mirrorState: true, course: { select: { timeZone: true } } },
  });
}

/** Edits newer than the one recorded: none recorded and written no later, or recorded earlier. */
const newerThanRecorded = (editedAt: Date) => [{ discordEditedAt: null, writtenAt: { lte: editedAt } }, { discordEditedAt: { lt: editedAt } }];

/**
 * Records an edit with other text, only if it is newer than the one recorded (or of the same millisecond: the one
 * delivered later is taken as the later edit). False when it changed nothing: one conditional update decides a race.
 */
export async function recordReplyEdit(tx: Tx, commentId: string, edit: { editedAt: Date; contentHash: string; wordCount: number }): Promise<boolean> {
  const changed = await tx.comment.updateMany({
    where: { id: commentId, contentHash: { not: edit.contentHash }, OR: [...newerThanRecorded(edit.editedAt), { discordEditedAt: edit.editedAt }] },
    data: { discordEditedAt: edit.editedAt, contentHash: edit.contentHash, wordCount: edit.wordCount },
  });
  return changed.count > 0;
}

/** Moves the recorded edit time on to `editedAt` if that edit is newer (its text unchanged, an embed unfurled). */
export async function advanceReplyEditedAt(tx: Tx, commentId: string, editedAt: Date): Promise<void> {
  await tx.comment.updateMany({ where: { id: commentId, OR: newerThanRecorded(editedAt) }, data: { discordEditedAt: editedAt } });
}

/** A recorded reply by its Discord message, with whether it is deleted already; null when not recorded. */
export function replyForDeletion(db: Db, discordMessageId: string): Promise<{ id: string; courseId: string; essayId: string; deletedAt: Date | null } | null> {
  return db.comment.findUnique({
    where: { discordMessageId },
    select: { id: true, courseId: true, essayId: true, deletedAt: true },
  });
}

export async function markReplyDeleted(tx: Tx, commentId: string, at: Date): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data: { deletedAt: at } });
}

/** The comment recorded for a Discord reply, with its blog comment (null until written); null when the message is no reply recorded. */
export function commentOfDiscordMessage(db: Db, discordMessageId: string): Promise<{ blogCommentId: string | null } | null> {
  return db.comment.findUnique({ where: { discordMessageId }, select: { blogCommentId: true } });
}

/** The blog comment whose mirror includes this webhook message (its ids are kept on the comment as a JSON array); null when none. */
export function commentMirroredAs(db: Db, webhookMessageId: string): Promise<{ blogCommentId: string | null } | null> {
  return db.comment.findFirst({ where: { mirrorMessageIds: { contains: `"${webhookMessageId}"` } }, select: { blogCommentId: true } });
}
