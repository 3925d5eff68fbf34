import { beforeEach, describe, expect, it } from 'vitest';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { SyncWorld, useWorld } from './sync-world.js';

// The blog's clock is the bot's clock plus `blogSkewMs`: a blog whose clock runs ahead is a positive skew.
let blogSkewMs = 0;
beforeEach(() => {
  blogSkewMs = 0;
});

const MINUTE = 60_000;
const w = useWorld(
  new SyncWorld({
    startClock: () => new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000)),
    wordpress: (clock) => ({ timezone: 'America/Chicago', now: () => new Date(clock.now().getTime() + blogSkewMs) }),
    ingestSince: (clock) => new Date(clock.now().getTime() - MINUTE),
  }),
);
const body = (n: string) => `<p>Essay ${n} — on the “thaw” and what came after.</p>`;
const gmt = (d: Date) => d.toISOString().slice(0, 19);
const titles = () => w.chat.threads.map((t) => t.title).sort();
const tick = () => w.pollEssaysAndDrain();

describe('the essay cursor never runs ahead of the bot’s clock', () => {
  it('a scheduled essay does not hide essays published before its date, and gets its thread when its time comes', async () => {
    await w.wp.as('student1').publishPost({ title: 'Published today', content: body('1') });
    const scheduled = await w.wp
      .as('student2')
      .publishPost({ title: 'Scheduled for Friday', content: body('2'), date_gmt: gmt(new Date(w.clock.now().getTime() + 3 * 24 * 60 * MINUTE)) });
    expect(scheduled.status).toBe('future');
    await tick();
    expect(titles()).toEqual(['Published today']);

    w.clock.advance(60 * MINUTE);
    await w.wp.as('student1').publishPost({ title: 'Published an hour later', content: body('3') });
    await tick();
    expect(titles()).toEqual(['Published an hour later', 'Published today']);

    w.clock.advance(3 * 24 * 60 * MINUTE); // Friday: WP-Cron publishes the scheduled post
    await tick();
    expect(titles()).toEqual(['Published an hour later', 'Published today', 'Scheduled for Friday']);
  });

  it('a blog whose clock ran two hours ahead does not hide the essays published after its clock is corrected', async () => {
    blogSkewMs = 120 * MINUTE;
    await w.wp.as('student1').publishPost({ title: 'Dated two hours ahead', content: body('1') });
    await tick();
    expect(titles()).toEqual(['Dated two hours ahead']);

    blogSkewMs = 0; // the blog's administrator fixes its clock
    w.clock.advance(10 * MINUTE);
    await w.wp.as('student2').publishPost({ title: 'Dated correctly', content: body('2') });
    await tick();
    expect(titles()).toEqual(['Dated correctly', 'Dated two hours ahead']);
  });
});

describe('a caching proxy in front of the blog', () => {
  it('a 304 on the essay listing still lets an edit and an unpublish of older essays through', async () => {
    const edited = await w.wp.as('student1').publishPost({ title: 'First draft of a title', content: body('1') });
    const withdrawn = await w.wp.as('student2').publishPost({ title: 'Soon withdrawn', content: body('2') });
    w.clock.advance(30 * MINUTE);
    await w.wp.as('student1').publishPost({ title: 'The newest essay', content: body('3') });
    await tick();
    w.clock.advance(5 * MINUTE);
    await tick(); // nothing new: the proxy's validators for the recent listing are stored
    expect(titles()).toEqual(['First draft of a title', 'Soon withdrawn', 'The newest essay']);

    w.clock.advance(5 * MINUTE);
    await w.wp.as('student1').updatePost(edited.id, { title: 'A better title' });
    await w.wp.as('student2').unpublishPost(withdrawn.id);
    const before = w.wp.requests.length;
    await tick();
    // The premise: the listing of recent essays did answer 304 in this tick.
    expect(w.wp.requests.slice(before).some((r) => r.path.endsWith('/wp/v2/posts') && r.status === 304)).toBe(true);
    expect(titles()).toEqual(['A better title', 'The newest essay', '[removed] Soon withdrawn']);
    expect(w.chat.threads.find((t) => t.title === '[removed] Soon withdrawn')!.locked).toBe(true);
  });
});

describe('two polls of one course at once (the sync job and /sync now in one process)', () => {
  it('both finish, and each essay is recorded once and gets one thread', async () => {
    for (const n of ['1', '2', '3', '4', '5']) await w.wp.as('student1').publishPost({ title: `Essay ${n}`, content: body(n) });
    const results = await Promise.allSettled([pollCourseEssays(w.ctx, w.courseId), pollCourseEssays(w.ctx, w.courseId), pollCourseEssays(w.ctx, w.courseId)]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    await w.drain();
    expect(titles()).toEqual(['Essay 1', 'Essay 2', 'Essay 3', 'Essay 4', 'Essay 5']);
    expect(await w.testDb.db.essay.count()).toBe(5);
  });
});
