import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../../db/db-errors.js';
import { BlogError } from '../../ports/blog-source.js';
import { advanceCursor, planEssaySync, type StoredEssay } from '../../core/essays/plan-essay-sync.js';
import { renderEssayStarter } from '../../core/essays/render-essay-starter.js';
import type { Essay } from '../../core/types.js';
import type { Tx } from '../../db/client.js';
import { insertEssayOnce, storedEssayOfPost, updateEssayFromBlog } from '../../db/repositories/essay-records.js';
import { courseForEssayPoll, saveEssayListingCursor } from '../../db/repositories/sync-courses.js';
import { inTransaction } from '../../db/transaction.js';
import { enqueueEffect } from '../../outbox/outbox-store.js';
import type { SyncDeps } from '../../context.js';
import { recordBlogFailure, recordBlogSuccess } from '../blog-health.js';
import { announceBlogRecovery } from '../course-alerts.js';
import { findEssayAuthor } from './essay-author.js';
import { closeEssayThread, createEssayThread, editEssayThread, reopenEssayThread } from './essay-effects.js';

/** WordPress `after` is exclusive and several posts can share a second: each poll overlaps the last. */
const cursorOverlapMs = 5 * 60_000;

export interface PollSummary {
  seen: number;
  created: number;
  updated: number;
  closed: number;
  reopened: number;
  notModified: boolean;
}

/**
 * One ingest tick for one course: reads new and changed essays, records each decision and the Discord
 * effect it needs in one transaction (the outbox performs it), then moves the cursor. Safe to run twice.
 */
export async function pollCourseEssays(
  ctx: SyncDeps,
  courseId: string,
  options: { backfillSince?: Date; fence?: (tx: Tx) => Promise<void> } = {},
): Promise<PollSummary> {
  const course = await courseForEssayPoll(ctx.db, courseId);
  const summary: PollSummary = { seen: 0, created: 0, updated: 0, closed: 0, reopened: 0, notModified: false };
  if (course.status === 'paused' || course.status === 'archived') return summary;

  const backfill = options.backfillSince;
  const since = backfill ?? new Date((course.postCursor ?? course.ingestSince).getTime() - cursorOverlapMs);
  // The cursor may not pass this moment: what the blog dates later has not happened on our clock yet.
  const listedAt = ctx.clock.now();
  let page;
  try {
    const blog = await ctx.blogFor(courseId);
    page = await blog.listEssays({
      since,
      includeModified: true,
      etag: backfill ? null : course.postEtag,
      lastModified: backfill ? null : course.postLastModified,
    });
  } catch (error) {
    if (error instanceof BlogError) await recordBlogFailure(ctx, course.id, error);
    throw error;
  }
  await announceBlogRecovery(ctx, course.id, await recordBlogSuccess(ctx, course.id));
  // A 304 covers only the listing of new essays: edits and unpublished essays still come in `page.essays`.
  summary.notModified = page.notModified;

  const essays = [...page.essays].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const announceSince = backfill && backfill < course.ingestSince ? backfill : course.ingestSince;
  for (const essay of essays) {
    summary.seen += 1;
    const action = await recordEssay(ctx, course, essay, { announceSince, fence: options.fence }).catch((error: unknown) => {
      // Another process recorded this essay at the same moment (it held the course lease before us).
      if (isUniqueViolation(error)) return 'ignore';
      throw error;
    });
    if (action === 'create') summary.created += 1;
    if (action === 'update') summary.updated += 1;
    if (action === 'close') summary.closed += 1;
    if (action === 'reopen') summary.reopened += 1;
  }
  ctx.log.debug({ courseId, ...summary }, 'essays polled');
  // Fenced like the records above: a process that lost the course must not move its cursor either.
  await inTransaction(ctx.db, async (tx) => {
    await options.fence?.(tx);
    await saveEssayListingCursor(tx, course.id, {
      postCursor: backfill
        ? undefined
        : advanceCursor(
            course.postCursor,
            essays.filter((e) => e.publishedAt >= course.ingestSince),
            listedAt,
          ),
      postEtag: backfill ? undefined : page.etag,
      postLastModified: backfill ? undefined : page.lastModified,
    });
  });
  return summary;
}

interface CourseView {
  id: string;
  timeZone: string;
}

async function recordEssay(
  ctx: SyncDeps,
  course: CourseView,
  essay: Essay,
  input: { announceSince: Date; fence?: (tx: Tx) => Promise<void> },
): Promise<string> {
  const { announceSince } = input;
  const stored = await storedEssayOfPost(ctx.db, course.id, essay.blogPostId);
  const author = await findEssayAuthor(ctx, course.id, essay);
  const view = renderEssayStarter(essay, { authorLabel: author.label, authorName: author.name, timeZone: course.timeZone });
  const action = planEssaySync({
    stored: stored as StoredEssay | null,
    incoming: essay,
    renderedHash: view.hash,
    announceSince,
  });
  if (action.kind === 'ignore') return action.kind;
  const now = ctx.clock.now();
  const fields = {
    url: essay.url,
    title: essay.title,
    authorStudentId: author.studentId,
    authorBlogUserId: essay.authorBlogUserId,
    authorName: author.studentId ? null : essay.authorName,
    publishedAt: essay.publishedAt,
    modifiedAt: essay.modifiedAt,
    categories: JSON.stringify(essay.categories),
    tags: JSON.stringify(essay.tags),
  };
  // An essay's thread effects share its id as orderKey, so they run in the order the blog changed the essay.
  const enqueueThreadEffect = (tx: Tx, kind: string, dedupeKey: string, payload: { essayId: string; [more: string]: unknown }) =>
    enqueueEffect(tx, { courseId: course.id, kind, dedupeKey, orderKey: payload.essayId, payload }, now);
  await inTransaction(ctx.db, async (tx) => {
    await input.fence?.(tx);
    if (action.kind === 'create') {
      const threadNonce = randomUUID().replace(/-/g, '').slice(0, 25);
      const essayId = await insertEssayOnce(tx, { courseId: course.id, blogPostId: essay.blogPostId, threadNonce, fields });
      await enqueueThreadEffect(tx, createEssayThread.kind, `thread:${essayId}`, { essayId, starter: view });
      return;
    }
    const id = stored!.id;
    if (action.kind === 'close') {
      await updateEssayFromBlog(tx, id, fields, action.reason);
      await enqueueThreadEffect(tx, closeEssayThread.kind, `close:${id}:${essay.modifiedAt.toISOString()}`, { essayId: id, reason: action.reason });
      return;
    }
    await updateEssayFromBlog(tx, id, fields, 'published');
    if (action.kind === 'reopen') {
      const noteNonce = randomUUID().replace(/-/g, '').slice(0, 25);
      await enqueueThreadEffect(tx, reopenEssayThread.kind, `reopen:${id}:${essay.modifiedAt.toISOString()}`, { essayId: id, starter: view, noteNonce });
      return;
    }
    await enqueueThreadEffect(tx, editEssayThread.kind, `edit:${id}:${view.hash}`, { essayId: id, starter: view });
  });
  return action.kind;
}
