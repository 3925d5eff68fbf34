import { describe, expect, it } from 'vitest';
import { acquireLease, assertLeaseHeld, LeaseLostError } from '../../../src/db/leases.js';
import { pollBlogComments } from '../../../src/sync/comments/poll-blog-comments.js';
import type { SyncDeps } from '../../../src/context.js';
import { chat, clock, courseId, ctx, drain, postId, testDb, threadId, useCommentMirroringWorld, wp } from './comment-mirroring-world.js';

// The comment poll against a blog with a long history, and polls that overlap (the job's tick and
// /sync now, or two processes). Readers' comments are approved at once unless a test holds them.
useCommentMirroringWorld();

const mirrorTexts = () =>
  chat
    .visibleMessages(threadId)
    .filter((m) => m.viaWebhook)
    .map((m) => m.content.split('\n').slice(1).join('\n'));

async function commentOnEssay(texts: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const text of texts) {
    const res = await wp.as('student2').comment(postId, `<p>${text}</p>`);
    expect(res.status).toBe(201);
    ids.push(res.json.id as number);
    wp.state.advance(1_000); // one a second, so the listing's date order is the order written
  }
  return ids;
}

describe('the full sweep over the blog comment listing', () => {
  it('keeps the newest comments in the thread on a blog with more than 10,000 comments', async () => {
    // Last year's course used the same blog: 10,000 comments on an older post, before this essay.
    const oldPost = (await wp.as('student1').publishPost({ title: 'Last year', content: '<p>Old.</p>', date_gmt: '2025-09-01T12:00:00' })).id;
    wp.addPastComments(oldPost, 10_000, new Date(Date.now() - 3_600_000));
    await commentOnEssay(['Newest one.', 'Newest two.']);
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(mirrorTexts()).toEqual(['Newest one.', 'Newest two.']);
    await pollBlogComments(ctx, courseId, { all: true });
    await drain();
    expect(mirrorTexts()).toEqual(['Newest one.', 'Newest two.']);
  });

  it('removes nothing it could not see when the listing stops at its cap, and removes a deleted comment once it sees everything', async () => {
    const texts = ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.', 'Seven.'];
    const ids = await commentOnEssay(texts);
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(mirrorTexts()).toEqual(texts);
    await wp.admin.request('DELETE', `comments/${ids[1]}`, { query: { force: 'true' } });
    // 2 pages of 2: the listing shows One, Three, Four, Five and stops with Six and Seven unseen.
    await pollBlogComments(ctx, courseId, { all: true, listing: { perPage: 2, maxPages: 2 } });
    await drain();
    expect(mirrorTexts()).toEqual(texts);
    await pollBlogComments(ctx, courseId, { all: true });
    await drain();
    expect(mirrorTexts()).toEqual(texts.filter((t) => t !== 'Two.'));
  });
});

/**
 * Two polls whose blog listings come back at the same moment (two processes, or a slow blog under the
 * job's tick and /sync now): each then compares against the database before the other has written.
 */
function pollTwiceAtOnce(): Promise<PromiseSettledResult<unknown>[]> {
  let arrived = 0;
  let releaseBoth!: () => void;
  const bothListed = new Promise<void>((resolve) => (releaseBoth = resolve));
  const together = async <T>(listing: Promise<T>): Promise<T> => {
    const result = await listing;
    if (++arrived === 2) releaseBoth();
    await bothListed;
    return result;
  };
  const realBlogFor = ctx.blogFor;
  const racing: SyncDeps = {
    ...ctx,
    blogFor: async (id) => {
      const blog = await realBlogFor(id);
      return { ...blog, listComments: (q) => together(blog.listComments(q)), listCommentListing: (q) => together(blog.listCommentListing(q)) };
    },
  };
  return Promise.allSettled([pollBlogComments(racing, courseId), pollBlogComments(racing, courseId)]);
}

describe('comment polls that overlap', () => {
  it('two polls of one course at once both succeed and a new comment shows once', async () => {
    await commentOnEssay(['Polled twice at once.']);
    const results = await pollTwiceAtOnce();
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    await drain();
    expect(mirrorTexts()).toEqual(['Polled twice at once.']);
  });

  it('two polls at once see a comment approved again and bring it back once', async () => {
    const [id] = await commentOnEssay(['Held, then approved.']);
    await pollBlogComments(ctx, courseId);
    await drain();
    await wp.admin.moderateComment(id!, 'hold');
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(mirrorTexts()).toEqual([]);
    await wp.admin.moderateComment(id!, 'approved');
    const results = await pollTwiceAtOnce();
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    await drain();
    expect(mirrorTexts()).toEqual(['Held, then approved.']);
  });

  it('a poll whose process lost the course lease records nothing', async () => {
    const name = `course:${courseId}`;
    const lease = (await acquireLease(testDb.db, { name, owner: 'process-a', ttlMs: 60_000, now: clock.now() }))!;
    clock.advance(61_000); // process A stalls past its lease; process B takes the course over
    expect(await acquireLease(testDb.db, { name, owner: 'process-b', ttlMs: 60_000, now: clock.now() })).not.toBeNull();
    await commentOnEssay(['Written while A was stalled.']);
    const fence = (tx: Parameters<typeof assertLeaseHeld>[0]) => assertLeaseHeld(tx, { name, owner: 'process-a', token: lease.token, now: clock.now() });
    await expect(pollBlogComments(ctx, courseId, { fence })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await testDb.db.comment.count()).toBe(0);
    expect(await testDb.db.outboxItem.count({ where: { status: 'pending' } })).toBe(0);
    // Process B, holding the lease, records it.
    await pollBlogComments(ctx, courseId);
    await drain();
    expect(mirrorTexts()).toEqual(['Written while A was stalled.']);
  });
});
