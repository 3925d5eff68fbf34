import { BlogError } from '../../blog/blog-source.js';
import { textFingerprint } from '../../core/comments/fingerprint.js';
import { blogCommentToDiscord, countWords, markdownLinkTarget } from '../../core/format/index.js';
import type { BlogComment } from '../../core/types.js';
import { recordBlogFailure, recordBlogSuccess } from '../blog-health.js';
import { announceBlogRecovery } from '../course-alerts.js';
import { enqueueEffect, type Tx } from '../outbox/outbox-store.js';
import { confirmLinkClaims, studentForBlogComment } from '../../roster/link-claims.js';
import type { SyncContext } from '../sync-context.js';
import { moderationMark } from './moderation-effects.js';
import { deleteBlogCommentMirror, editBlogCommentMirror, postBlogComment } from './mirror-effects.js';

/** Essays whose comments are compared on every poll; older ones are covered by the reconcile sweep. */
const recentWindowMs = 45 * 24 * 3_600_000;

export interface CommentPollSummary {
  essays: number;
  posted: number;
  edited: number;
  removed: number;
  marked: number;
}

/**
 * Compares the blog's comments with what the bot knows, for the course's recent essays (or all, for the
 * reconcile sweep), and records the Discord effects that bring the thread in line. Safe to run twice.
 */
export async function pollBlogComments(ctx: SyncContext, courseId: string, options: { all?: boolean } = {}): Promise<CommentPollSummary> {
  const summary: CommentPollSummary = { essays: 0, posted: 0, edited: 0, removed: 0, marked: 0 };
  const course = await ctx.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { status: true, blogKind: true } });
  if (course.status === 'paused' || course.status === 'archived' || course.blogKind === 'feed') return summary;
  const since = new Date(ctx.clock.now().getTime() - recentWindowMs);
  const essays = await ctx.db.essay.findMany({
    where: { courseId, threadState: 'created', blogStatus: 'published', ...(options.all ? {} : { OR: [{ publishedAt: { gte: since } }, { modifiedAt: { gte: since } }] }) },
    select: { id: true, blogPostId: true, publishedAt: true },
    orderBy: { publishedAt: 'asc' },
  });
  if (essays.length === 0) return summary;
  let blog;
  try {
    blog = await ctx.blogFor(courseId);
    const { canModerate } = await blog.verify();
    // One course-wide listing (a few pages per status) instead of one per essay: a comment on an essay
    // is never older than the essay, so the oldest essay in the window bounds the listing.
    const statuses = canModerate ? (['approved', 'hold', 'spam', 'trash'] as const) : (['approved'] as const);
    const comments = await blog.listComments({ since: options.all ? null : essays[0]!.publishedAt, statuses: [...statuses] });
    // A /link code posted as a comment by the claimed blog account confirms the link.
    await confirmLinkClaims(ctx.db, { courseId, comments, now: ctx.clock.now() });
    const byPost = new Map<string, BlogComment[]>();
    for (const comment of comments) {
      const list = byPost.get(comment.blogPostId);
      if (list) list.push(comment);
      else byPost.set(comment.blogPostId, [comment]);
    }
    for (const essay of essays) {
      await reconcileEssayComments(ctx, { courseId, essayId: essay.id, comments: byPost.get(essay.blogPostId) ?? [], complete: canModerate }, summary);
      summary.essays += 1;
    }
  } catch (error) {
    if (error instanceof BlogError) await recordBlogFailure(ctx, courseId, error);
    throw error;
  }
  await announceBlogRecovery(ctx, courseId, await recordBlogSuccess(ctx, courseId));
  ctx.log.debug({ courseId, ...summary, all: options.all ?? false }, 'blog comments compared');
  return summary;
}

async function reconcileEssayComments(
  ctx: SyncContext,
  input: { courseId: string; essayId: string; comments: BlogComment[]; complete: boolean },
  summary: CommentPollSummary,
): Promise<void> {
  const known = await ctx.db.comment.findMany({
    where: { essayId: input.essayId },
    select: { id: true, origin: true, blogCommentId: true, contentHash: true, blogStatus: true, mirrorState: true, deletedAt: true, mirrorMessageIds: true },
  });
  const byBlogId = new Map(known.filter((c) => c.blogCommentId).map((c) => [c.blogCommentId!, c]));
  // Discord replies whose blog comment is being created right now: never mirror those back (no echo).
  const inFlight = new Set(known.filter((c) => c.origin === 'discord' && !c.blogCommentId).map((c) => c.contentHash));
  const now = ctx.clock.now();
  const seen = new Set<string>();
  for (const blogComment of [...input.comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    seen.add(blogComment.blogCommentId);
    const hash = textFingerprint(blogComment.contentHtml);
    const mine = byBlogId.get(blogComment.blogCommentId);
    const isNew = !mine && blogComment.status === 'approved' && !inFlight.has(hash);
    // By blog user id, else by verified email, else unattributed (listed in reports).
    const author = isNew ? await studentForBlogComment(ctx.db, input.courseId, { blogUserId: blogComment.authorBlogUserId, email: blogComment.authorEmail }) : null;
    await ctx.db.$transaction(async (tx) => {
      if (!mine) {
        if (!isNew) return;
        await recordNewBlogComment(tx, ctx, input, blogComment, { hash, authorStudentId: author?.studentId ?? null }, now);
        summary.posted += 1;
        return;
      }
      if (mine.origin === 'discord') {
        if (mine.blogStatus !== blogComment.status) {
          await tx.comment.update({ where: { id: mine.id }, data: { blogStatus: blogComment.status } });
          await enqueueEffect(tx, { courseId: input.courseId, kind: moderationMark.kind, dedupeKey: `mark:${mine.id}:${blogComment.status}`, orderKey: `comment:${mine.id}`, payload: { commentId: mine.id, status: blogComment.status } }, now);
          summary.marked += 1;
        }
        return;
      }
      if (mine.deletedAt) return;
      if (blogComment.status !== 'approved') {
        await removeMirror(tx, input, mine.id, blogComment.status, now);
        summary.removed += 1;
      } else if (hash !== mine.contentHash) {
        await tx.comment.update({ where: { id: mine.id }, data: { contentHash: hash, wordCount: countWords(blogComment.contentHtml) } });
        const chunks = blogCommentToDiscord({ authorName: blogComment.authorName, contentHtml: blogComment.contentHtml, url: blogComment.url, parent: null });
        await enqueueEffect(tx, { courseId: input.courseId, kind: editBlogCommentMirror.kind, dedupeKey: `mirror-edit:${mine.id}:${hash}`, orderKey: `comment:${mine.id}`, payload: { commentId: mine.id, chunks } }, now);
        summary.edited += 1;
      }
    });
  }
  if (!input.complete) return;
  // A blog-born comment that no longer exists at all (deleted permanently): remove its mirror too.
  for (const mine of known) {
    if (mine.origin !== 'blog' || mine.deletedAt || !mine.blogCommentId || seen.has(mine.blogCommentId)) continue;
    await ctx.db.$transaction((tx) => removeMirror(tx, input, mine.id, 'deleted', now));
    summary.removed += 1;
  }
}

async function recordNewBlogComment(
  tx: Tx,
  ctx: SyncContext,
  input: { courseId: string; essayId: string },
  blogComment: BlogComment,
  known: { hash: string; authorStudentId: string | null },
  now: Date,
): Promise<void> {
  const { hash, authorStudentId } = known;
  const parent = blogComment.parentBlogCommentId
    ? await tx.comment.findUnique({ where: { courseId_blogCommentId: { courseId: input.courseId, blogCommentId: blogComment.parentBlogCommentId } }, select: { id: true, authorName: true, author: { select: { displayName: true } } } })
    : null;
  const comment = await tx.comment.create({
    data: {
      courseId: input.courseId,
      essayId: input.essayId,
      origin: 'blog',
      blogCommentId: blogComment.blogCommentId,
      parentCommentId: parent?.id ?? null,
      authorStudentId,
      authorName: authorStudentId ? null : blogComment.authorName,
      wordCount: countWords(blogComment.contentHtml),
      contentHash: hash,
      blogStatus: 'approved',
      writtenAt: blogComment.createdAt,
    },
    select: { id: true },
  });
  const parentName = parent ? (parent.author?.displayName ?? parent.authorName ?? 'a comment') : null;
  const chunks = blogCommentToDiscord({
    authorName: blogComment.authorName,
    contentHtml: blogComment.contentHtml,
    url: blogComment.url,
    parent: parentName ? { authorName: parentName, excerpt: '' } : null,
  });
  await enqueueEffect(
    tx,
    {
      courseId: input.courseId,
      kind: postBlogComment.kind,
      dedupeKey: `mirror:${comment.id}`,
      orderKey: `comment:${comment.id}`,
      waitsFor: [`thread:${input.essayId}`, ...(parent ? [`mirror:${parent.id}`] : [])],
      payload: { commentId: comment.id, chunks, username: blogComment.authorName, avatarUrl: blogComment.authorAvatarUrl, marker: `<${markdownLinkTarget(blogComment.url)}>` },
    },
    now,
  );
  ctx.log.debug({ courseId: input.courseId, essayId: input.essayId }, 'blog comment queued for the thread');
}

async function removeMirror(tx: Tx, input: { courseId: string; essayId: string }, commentId: string, status: string, now: Date): Promise<void> {
  await tx.comment.update({ where: { id: commentId }, data: { blogStatus: status === 'deleted' ? 'deleted' : status, deletedAt: now } });
  await enqueueEffect(tx, { courseId: input.courseId, kind: deleteBlogCommentMirror.kind, dedupeKey: `mirror-delete:${commentId}`, orderKey: `comment:${commentId}`, payload: { commentId } }, now);
}
