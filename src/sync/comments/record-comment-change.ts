import type { CommentSyncAction } from '../../core/comments/plan-comment-sync.js';
import { blogCommentToDiscord, countWords, markdownLinkTarget } from '../../core/format/index.js';
import type { BlogComment } from '../../core/types.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import {
  claimCommentRevision,
  commentByBlogId,
  insertBlogComment,
  type CommentRevisionChange,
  type KnownComment,
} from '../../db/repositories/comment-mirrors.js';
import { inTransaction } from '../../db/transaction.js';
import { enqueueEffect, type Tx } from '../../outbox/outbox-store.js';
import type { SyncDeps } from '../../context.js';
import { moderationMark } from './moderation-effects.js';
import { deleteBlogCommentMirror, editBlogCommentMirror, postBlogComment } from './mirror-effects.js';

export interface CommentPollSummary {
  essays: number;
  posted: number;
  edited: number;
  removed: number;
  marked: number;
}

/** The lease check a poll runs inside each transaction it writes (throws to roll the write back). */
export type CommentFence = (tx: Tx) => Promise<void>;

interface Target {
  courseId: string;
  essayId: string;
  fence: CommentFence | undefined;
}

interface Change {
  action: CommentSyncAction;
  mine: KnownComment | null;
  /** The listed comment; null when the listing no longer shows it. */
  blogComment: BlogComment | null;
  hash: string;
  authorStudentId: string | null;
}

/** Another poll recorded the same change first: nothing to do. */
class AlreadyRecorded extends Error {}

/**
 * Records one planned change and the effect it causes in one transaction. Every write is conditional on
 * what the poll read (no row yet, or the row's mirrorRevision), and each effect is named by the revision
 * it creates: two polls at once (the job and /sync now, or two processes) record a change exactly once,
 * and the same change later (held, approved, held again) gets an effect of its own.
 */
export async function recordCommentAction(ctx: SyncDeps, target: Target, change: Change, summary: CommentPollSummary): Promise<void> {
  const now = ctx.clock.now();
  try {
    await inTransaction(ctx.db, async (tx) => {
      if (target.fence) await target.fence(tx);
      await apply(tx, target, change, now);
    });
  } catch (error) {
    if (error instanceof AlreadyRecorded || isUniqueViolation(error)) return;
    throw error;
  }
  const { kind } = change.action;
  if (kind === 'post' || kind === 'restore') summary.posted += 1;
  else if (kind === 'edit') summary.edited += 1;
  else if (kind === 'remove') summary.removed += 1;
  else if (kind === 'mark') summary.marked += 1;
  ctx.log.debug({ courseId: target.courseId, essayId: target.essayId, change: kind }, 'blog comment change recorded');
}

async function apply(tx: Tx, target: Target, change: Change, now: Date): Promise<void> {
  const { action, mine, blogComment, hash } = change;
  // One comment's effects run in order; a mirror also waits for its thread and for its parent's mirror.
  const effect = (commentId: string, kind: string, dedupeKey: string, payload: unknown, waitsFor: string[] = []) =>
    enqueueEffect(tx, { courseId: target.courseId, kind, dedupeKey, orderKey: `comment:${commentId}`, waitsFor, payload }, now);
  const mirrorWaits = async (): Promise<string[]> => {
    const parent = await parentOf(tx, target.courseId, blogComment!);
    return [`thread:${target.essayId}`, ...(parent ? [`mirror:${parent.id}`] : [])];
  };
  if (action.kind === 'post') {
    const commentId = await insertBlogComment(tx, {
      courseId: target.courseId,
      essayId: target.essayId,
      blogCommentId: blogComment!.blogCommentId,
      parentCommentId: (await parentOf(tx, target.courseId, blogComment!))?.id ?? null,
      authorStudentId: change.authorStudentId,
      authorBlogUserId: blogComment!.authorBlogUserId,
      authorName: change.authorStudentId ? null : blogComment!.authorName,
      wordCount: countWords(blogComment!.contentHtml),
      contentHash: hash,
      writtenAt: blogComment!.createdAt,
    });
    await effect(
      commentId,
      postBlogComment.kind,
      `mirror:${commentId}`,
      await mirrorPayload(tx, target.courseId, commentId, blogComment!),
      await mirrorWaits(),
    );
    return;
  }
  const row = mine!;
  const revision = row.mirrorRevision + 1;
  const claim = async (data: CommentRevisionChange) => {
    if (!(await claimCommentRevision(tx, row.id, row.mirrorRevision, data))) throw new AlreadyRecorded();
  };
  switch (action.kind) {
    case 'ignore':
      return;
    case 'mark':
      await claim({ blogStatus: action.status });
      await effect(row.id, moderationMark.kind, `mark:${row.id}:r${revision}`, { commentId: row.id, status: action.status });
      return;
    case 'remove':
      await claim({ blogStatus: action.status, deletedAt: now });
      await effect(row.id, deleteBlogCommentMirror.kind, `mirror-delete:${row.id}:r${revision}`, { commentId: row.id });
      return;
    case 'restore':
      await claim({ blogStatus: 'approved', deletedAt: null, contentHash: hash, wordCount: countWords(blogComment!.contentHtml) });
      await effect(
        row.id,
        postBlogComment.kind,
        `mirror:${row.id}:r${revision}`,
        await mirrorPayload(tx, target.courseId, row.id, blogComment!),
        await mirrorWaits(),
      );
      return;
    case 'edit': {
      await claim({ contentHash: hash, wordCount: countWords(blogComment!.contentHtml) });
      const chunks = blogCommentToDiscord({ authorName: blogComment!.authorName, contentHtml: blogComment!.contentHtml, url: blogComment!.url, parent: null });
      await effect(row.id, editBlogCommentMirror.kind, `mirror-edit:${row.id}:r${revision}`, { commentId: row.id, chunks });
      return;
    }
  }
}

function parentOf(tx: Tx, courseId: string, blogComment: BlogComment) {
  if (!blogComment.parentBlogCommentId) return Promise.resolve(null);
  return commentByBlogId(tx, courseId, blogComment.parentBlogCommentId);
}

/** The messages that show a blog comment in its thread, marked with its link so a retry finds them. */
async function mirrorPayload(tx: Tx, courseId: string, commentId: string, blogComment: BlogComment) {
  const parent = await parentOf(tx, courseId, blogComment);
  const parentName = parent ? (parent.author?.displayName ?? parent.authorName ?? 'a comment') : null;
  const chunks = blogCommentToDiscord({
    authorName: blogComment.authorName,
    contentHtml: blogComment.contentHtml,
    url: blogComment.url,
    parent: parentName ? { authorName: parentName, excerpt: '' } : null,
  });
  return { commentId, chunks, username: blogComment.authorName, avatarUrl: blogComment.authorAvatarUrl, marker: `<${markdownLinkTarget(blogComment.url)}>` };
}
