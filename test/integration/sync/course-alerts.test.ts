import { beforeEach, describe, expect, it } from 'vitest';
import { alertLongBlogOutage } from '../../../src/sync/course-alerts.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { BlogError } from '../../../src/ports/blog-source.js';
import { SyncWorld, useWorld } from './sync-world.js';

const staffChannelId = '900000000000000099';
const w = useWorld(new SyncWorld());
// After the world's own start (vitest runs before-each hooks in the order they were added): alerts go here.
beforeEach(async () => {
  await w.testDb.db.course.update({ where: { id: w.courseId }, data: { staffChannelId } });
});

async function pollIgnoringOutage(): Promise<void> {
  await pollCourseEssays(w.ctx, w.courseId).catch((error: unknown) => {
    if (!(error instanceof BlogError)) throw error;
  });
  await alertLongBlogOutage(w.ctx, w.courseId);
}

describe('staff alerts', () => {
  it('tells staff once when the blog is down for more than 15 minutes, and once when it is back', async () => {
    await w.wp.goDown();
    for (let minute = 0; minute <= 40; minute += 2) {
      await pollIgnoringOutage();
      w.clock.advance(2 * 60_000);
    }
    const outage = w.chat.channelMessages.filter((m) => m.content.includes('has not answered'));
    expect(outage).toHaveLength(1);
    expect(outage[0]!.channelId).toBe(staffChannelId);
    await w.wp.comeUp();
    await pollIgnoringOutage();
    await pollIgnoringOutage();
    expect(w.chat.channelMessages.filter((m) => m.content.includes('answers again'))).toHaveLength(1);
    expect((await w.testDb.db.course.findUniqueOrThrow({ where: { id: w.courseId } })).blogFailingSince).toBeNull();
  });

  it('says nothing for a short outage', async () => {
    await w.wp.goDown();
    await pollIgnoringOutage();
    w.clock.advance(5 * 60_000);
    await pollIgnoringOutage();
    await w.wp.comeUp();
    await pollIgnoringOutage();
    expect(w.chat.channelMessages).toHaveLength(0);
  });

  it('flags the course and tells staff once when a permission is missing; the thread waits instead of failing', async () => {
    w.chat.missing = ['Manage Threads'];
    await w.wp.as('student1').publishPost({ title: 'Waiting essay', content: '<p>x</p>' });
    await pollCourseEssays(w.ctx, w.courseId);
    for (let i = 0; i < 12; i += 1) {
      await w.drain();
      w.clock.advance(60 * 60_000);
    }
    const course = await w.testDb.db.course.findUniqueOrThrow({ where: { id: w.courseId } });
    expect(course.status).toBe('flagged');
    expect(course.flaggedReason).toContain('Manage Threads');
    expect(w.chat.channelMessages.filter((m) => m.content.includes('needs attention'))).toHaveLength(1);
    expect((await w.testDb.db.outboxItem.findFirstOrThrow()).status).toBe('pending');
    w.chat.missing = [];
    await w.testDb.db.course.update({ where: { id: w.courseId }, data: { status: 'active', flaggedReason: null } });
    await w.drain();
    expect(w.chat.threads).toHaveLength(1);
  });
});
