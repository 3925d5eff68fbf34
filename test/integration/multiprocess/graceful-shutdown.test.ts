// Issue 14's deploy story with real processes on one PostgreSQL database: process A serves the course and
// is mirroring a student's thread reply to a slow blog when it gets SIGTERM (a deploy, `systemctl stop`).
// The reply must reach the blog once, A must exit 0 and give its course up, and process B must take the
// course over at its next tick. The lease period is 10 minutes on purpose: without the release, B could
// only take over after it, far beyond this test's waits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../support/postgres-server.js';
import { useProcessFleet } from './process-fleet.js';
import { backlog, publishEssays, threadForEssay, waitUntil } from './scenario.js';

const LEASE_SECONDS = 600;
const available = postgresAvailable();

describe.skipIf(!available.ok)(
  `SIGTERM while an effect is in flight, 2 processes on PostgreSQL${available.ok ? '' : ` — skipped: ${available.reason}`}`,
  () => {
    const fleet = useProcessFleet({ courses: 1, shardCount: 1, logDirPrefix: 'ct-shutdown-' });
    const start = (name: string) => fleet.start(name, { shards: [0], leaseSeconds: LEASE_SECONDS, tickSeconds: 1, reminders: false });

    it('a reply being mirrored when the bot is stopped reaches the blog once, and the other process takes the course over at once', async () => {
      const { db, watch, logOf } = fleet;
      const { emu, courses } = fleet.world;
      const course = courses[0]!;
      const a = await start('A');
      await waitUntil(async () => (await watch.current()).get(course.courseId) === a.owner, 20_000, 'A to hold the course');
      const b = await start('B');

      const [essay] = await publishEssays([course], 'student1', 'Before the deploy');
      await waitUntil(() => threadForEssay(emu, essay!) !== undefined, 30_000, 'the essay thread');
      const thread = threadForEssay(emu, essay!)!;
      // Recorded by A once Discord answered (its client has the thread then; a reply in a thread it does not know yet is not seen).
      await waitUntil(async () => (await db.essay.count({ where: { threadId: thread.id } })) === 1, 30_000, 'A to record the thread');

      // The blog is slow to answer the comment A sends for this reply: the call is in flight when SIGTERM comes.
      const slow = course.wp.faults.holdNext((method, p) => method === 'POST' && p === '/wp-json/wp/v2/comments');
      const commentPosts = () => course.wp.requests.filter((r) => r.method === 'POST' && r.path === '/wp-json/wp/v2/comments');
      emu.as(course.students[1].discordId).postMessage(thread.id, { content: 'Mirrored across a deploy — reply one' });
      await waitUntil(
        () => commentPosts().length === 1,
        30_000,
        'A to send the comment to the blog',
        () => backlog(db),
      );

      let aGone = false;
      const exitCode = a.kill('SIGTERM').finally(() => (aGone = true));
      // The blog answers only once A is shutting down (or already gone, if it does not wait for its calls).
      await waitUntil(() => aGone || readFileSync(logOf('A'), 'utf8').includes('"shutting down"'), 10_000, 'A to start shutting down');
      slow.release();
      expect(await exitCode).toBe('0');
      // A finished the call it had started: one attempt, completed (a cut call would be retried by B, a 2nd attempt).
      const mirrored = await db.outboxItem.findMany({ where: { kind: 'blog.create_comment' }, select: { status: true, attempts: true } });
      expect(mirrored).toEqual([{ status: 'done', attempts: 1 }]);

      // What the class sees on the blog: the reply, once. The blog was asked once (no retry of a cut call).
      const onBlog = () => course.wp.state.comments.filter((c) => c.content.includes('Mirrored across a deploy — reply one'));
      expect(onBlog()).toHaveLength(1);
      expect(commentPosts()).toHaveLength(1);
      // A gave its lease up on the way out instead of leaving it to run out.
      const leftByA = await db.jobLease.findMany({ where: { owner: a.owner, expiresAt: { gt: new Date() } }, select: { name: true } });
      expect(leftByA).toEqual([]);

      // B serves the course now: it holds the lease, and a comment written on the blog appears in the thread.
      await waitUntil(
        async () => (await watch.current()).get(course.courseId) === b.owner,
        15_000,
        'B to take the course over',
        () => backlog(db),
      );
      const res = await course.wp.as('student2').comment(essay!.postId, '<p>Written on the blog after the deploy</p>');
      expect(res.status).toBe(201);
      await waitUntil(
        () => emu.messagesIn(thread.id).some((m) => m.content.includes('Written on the blog after the deploy')),
        30_000,
        'the blog comment in the thread',
        () => backlog(db),
      );
      expect(emu.messagesIn(thread.id).filter((m) => m.content.includes('Written on the blog after the deploy'))).toHaveLength(1);
      expect(onBlog()).toHaveLength(1);
    }, 180_000);
  },
);
