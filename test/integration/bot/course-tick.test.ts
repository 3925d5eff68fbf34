import { describe, expect, it } from 'vitest';
import { acquireLease, releaseLease } from '../../../src/db/leases.js';
import { healthReport } from '../../../src/reports/health-report.js';
import { essayThreadsIn } from '../../support/bot-world.js';
import { runAs } from '../../support/course-world.js';
import { setUpHist215InNewChannel } from './course-setup-command.js';
import { useBotWorld, world } from '../../support/use-bot-world.js';

useBotWorld();

describe('one course tick for every course', () => {
  it('a course whose sync throws (credentials sealed with a retired key) does not stop another course’s essay from getting its thread', async () => {
    await world.setupCourse();
    // A second course on the same server, in its own forum, set up by the instructor with /course setup.
    const secondForumId = await setUpHist215InNewChannel(world, { name: 'essays-215', type: 'forum' });
    // The tick takes courses in id order: the one it reaches first is the one that breaks.
    const [broken, healthy] = await world.testDb.db.course.findMany({ orderBy: { id: 'asc' }, select: { id: true, channelId: true } });
    expect([broken!.channelId, healthy!.channelId].sort()).toEqual([world.forumId, secondForumId].sort());
    await world.testDb.db.blogSecret.update({ where: { courseId: broken!.id }, data: { keyVersion: 7 } });

    await world.wp.as('student1').publishPost({ title: 'Both courses read this blog', content: '<p>One essay — two courses.</p>' });
    await world.bot.syncNow();

    expect(essayThreadsIn(world, healthy!.channelId).map((t) => t.name)).toEqual(['Both courses read this blog']);
    expect(essayThreadsIn(world, broken!.channelId)).toEqual([]);
    // The failure is recorded against its course, for /report health.
    const failures = await world.testDb.db.jobRun.findMany({ where: { courseId: broken!.id, outcome: 'failed' }, select: { error: true } });
    expect(failures.map((f) => f.error).join('\n')).toContain('key version 7');
    // What each course's staff read in /report health: their own failure, never another course's.
    const health = async (courseId: string) => (await healthReport({ db: world.testDb.db, chat: world.bot.ctx.chat }, courseId, new Date())).join('\n');
    expect(await health(broken!.id)).toMatch(/❌ \*\*course-sync\*\*: failed .*key version 7/);
    expect(await health(healthy!.id)).not.toContain('key version 7');
  });

  it('/sync now writes nothing while another process holds the course, says so, and syncs once it may', async () => {
    await world.setupCourse();
    const course = await world.testDb.db.course.findFirstOrThrow({ select: { id: true } });
    const other = { name: `course:${course.id}`, owner: 'other-host:4242:abcdef' };
    const held = await acquireLease(world.testDb.db, { ...other, ttlMs: 60_000, now: new Date() });
    expect(held).not.toBeNull();
    await world.wp.as('student1').publishPost({ title: 'Polled by the right process', content: '<p>Only once — by its owner.</p>' });
    const syncNow = () => runAs(world, world.instructorId, 'sync', 'now', {}, 20_000);

    const refused = await syncNow();
    expect(refused.content).toContain('Another CourseThreads process is syncing this course');
    expect(essayThreadsIn(world, world.forumId)).toEqual([]);
    expect(await world.testDb.db.essay.count()).toBe(0);

    await releaseLease(world.testDb.db, { ...other, token: held!.token });
    const synced = await syncNow();
    expect(synced.content).toContain('Essays: 1 new');
    expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Polled by the right process']);
  });
});
