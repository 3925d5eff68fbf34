import { isUniqueViolation } from '../../db/db-errors.js';
import { essayOfThread } from '../../db/repositories/essay-threads.js';
import {
  advanceReplyEditedAt,
  insertDiscordReply,
  markReplyDeleted,
  recordReplyEdit,
  replyForDeletion,
  replyForEdit,
} from '../../db/repositories/reply-records.js';
import { inTransaction } from '../../db/transaction.js';
import { textFingerprint } from '../../core/comments/fingerprint.js';
import { appendAttachmentLinks, countWords, discordMarkdownToSafeHtml } from '../../core/format/index.js';
import { enqueueEffect } from '../../outbox/outbox-store.js';
import type { SyncDeps } from '../../context.js';
import type { IncomingThreadMessage } from '../../ports/thread-message.js';
import { createBlogComment, enqueueBlogCommentTrash, updateBlogComment } from './comment-effects.js';
import { enqueueAttachmentUploads } from './reply-attachment-upload.js';
import { enqueueReplyMediaDeletion } from './reply-media-delete.js';
import { replyPublication } from './reply-publication.js';

/** Comment.mirrorState of a reply its author keeps in Discord (see reply-publication.ts). */
export const DISCORD_ONLY = 'discord_only';

/** `timeZone`: the course's, so a <t:…> timestamp in a reply reads on the blog as the course lives it (not UTC). */
function toHtml(message: IncomingThreadMessage, timeZone: string): string {
  const html = discordMarkdownToSafeHtml(message.content, {
    timeZone,
    resolveUser: (id) => message.users[id] ?? null,
    resolveChannel: (id) => message.channels[id] ?? null,
    resolveRole: (id) => message.roles[id] ?? null,
  });
  return appendAttachmentLinks(html, message.attachments);
}

/** A student's reply in an essay thread: recorded with its blog comment effect in one transaction. */
export async function onThreadReply(ctx: SyncDeps, message: IncomingThreadMessage): Promise<'mirrored' | 'ignored'> {
  if (message.fromBotOrWebhook || message.isSystem) return 'ignored';
  const essay = await essayOfThread(ctx.db, message.threadId);
  if (!essay || essay.blogStatus !== 'published') return 'ignored';
  const publication = await replyPublication(ctx, essay.courseId, message.authorId);
  const html = toHtml(message, essay.course.timeZone);
  const now = ctx.clock.now();
  try {
    await inTransaction(ctx.db, async (tx) => {
      const commentId = await insertDiscordReply(tx, {
        courseId: essay.courseId,
        essayId: essay.id,
        discordMessageId: message.messageId,
        authorStudentId: publication.studentId,
        authorName: publication.studentId ? null : message.authorDisplayName,
        wordCount: countWords(message.content),
        contentHash: textFingerprint(html),
        writtenAt: message.createdAt,
        // Kept in Discord by the student's choice: recorded (it counts for reviews), never written to the blog.
        ...(publication.discordOnly ? { mirrorState: DISCORD_ONLY } : {}),
      });
      if (publication.discordOnly) return; // kept in Discord: nothing (not even its attachments) goes to the blog
      const uploads = await enqueueAttachmentUploads(
        tx,
        { courseId: essay.courseId, commentId, messageId: message.messageId, attachments: message.attachments },
        now,
      );
      await enqueueEffect(
        tx,
        {
          courseId: essay.courseId,
          kind: createBlogComment.kind,
          dedupeKey: `blog-comment:${message.messageId}`,
          orderKey: `comment:${commentId}`,
          waitsFor: [...(message.replyToMessageId ? [`blog-comment:${message.replyToMessageId}`] : []), ...uploads],
          payload: {
            commentId,
            html,
            replyToMessageId: message.replyToMessageId,
            ...(publication.blogAuthor && { blogAuthor: publication.blogAuthor }),
          },
        },
        now,
      );
    });
  } catch (error) {
    // The same message delivered twice (gateway replay, two processes): the first recording wins.
    if (isUniqueViolation(error)) return 'ignored';
    throw error;
  }
  return 'mirrored';
}

/**
 * An edit in Discord updates the blog comment. Edits are ordered by Discord's edit time, not by their text
 * (A -> B -> A -> B must end on B): an edit event older than the newest one recorded changes nothing, which the
 * conditional updates below decide atomically when two events race. A newer event with unchanged text (an
 * embed unfurled) only moves the edit time on.
 */
export async function onThreadReplyEdited(ctx: SyncDeps, message: IncomingThreadMessage): Promise<'updated' | 'ignored'> {
  if (message.fromBotOrWebhook || message.isSystem || !message.editedAt) return 'ignored';
  const editedAt = message.editedAt;
  const comment = await replyForEdit(ctx.db, message.messageId);
  if (!comment) return 'ignored';
  const keptInDiscord = comment.mirrorState === DISCORD_ONLY;
  const html = toHtml(message, comment.course.timeZone);
  const hash = textFingerprint(html);
  return inTransaction(ctx.db, async (tx) => {
    // Each step is one conditional update, so two events racing for one comment are decided by the row itself.
    // Two edits within one millisecond: the one delivered later is taken as the later edit.
    const changed = await recordReplyEdit(tx, comment.id, { editedAt, contentHash: hash, wordCount: countWords(message.content) });
    if (!changed) {
      await advanceReplyEditedAt(tx, comment.id, editedAt);
      return 'ignored';
    }
    // A Discord-only reply's edit still counts (its new word count above), but has no blog comment to update.
    if (keptInDiscord) return 'updated';
    await enqueueEffect(
      tx,
      {
        courseId: comment.courseId,
        kind: updateBlogComment.kind,
        dedupeKey: `blog-edit:${comment.id}:${editedAt.getTime()}:${hash}`,
        orderKey: `comment:${comment.id}`,
        payload: { commentId: comment.id, html, editedAt: editedAt.toISOString() },
      },
      ctx.clock.now(),
    );
    return 'updated';
  });
}

/** A reply deleted in Discord is trashed on the blog, and the files uploaded for its attachments deleted there. */
export async function onThreadReplyDeleted(ctx: SyncDeps, messageId: string): Promise<'trashed' | 'ignored'> {
  const comment = await replyForDeletion(ctx.db, messageId);
  if (!comment || comment.deletedAt) return 'ignored';
  await inTransaction(ctx.db, async (tx) => {
    await markReplyDeleted(tx, comment.id, ctx.clock.now());
    const target = { courseId: comment.courseId, commentId: comment.id };
    await enqueueBlogCommentTrash(tx, target, ctx.clock.now());
    await enqueueReplyMediaDeletion(tx, target, ctx.clock.now());
  });
  return 'trashed';
}
