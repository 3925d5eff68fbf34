import { describe, expect, it } from 'vitest';
import { essayThreadsIn } from '../../support/bot-world.js';
import { runAs } from '../../support/course-world.js';
import { runCourseSetup } from './course-setup-command.js';
import { useBotWorld, world } from '../../support/use-bot-world.js';

// The world's course runs in America/Chicago (CDT, UTC-5, until 2026-11-01; CST, UTC-6, after).
useBotWorld();

const course = (subcommand: string, options: Record<string, string> = {}) => runAs(world, world.instructorId, 'course', subcommand, options, 10_000);

describe('dates typed in /course are days in the course time zone', () => {
  it('/course backfill since a day imports that day’s essays, not the evening before in Chicago', async () => {
    // 2026-09-30 20:00 in Chicago is already October 1st in UTC; 2026-10-01 10:00 in Chicago is October 1st there.
    await world.wp.admin.publishPost({ title: 'Written on the evening of September 30', content: '<p>late</p>', date_gmt: '2026-10-01T01:00:00' });
    await world.wp.admin.publishPost({ title: 'Written on the morning of October 1', content: '<p>early</p>', date_gmt: '2026-10-01T15:00:00' });
    await world.setupCourse();
    const reply = await course('backfill', { since: '2026-10-01' });
    expect(reply.content).toContain('1 essay thread(s)');
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Written on the morning of October 1']);
  });

  it('/course setup ends_on is shown back by /course show as the same day, not the day before', async () => {
    await runCourseSetup(world, { ends_on: '2026-12-18' });
    const shown = await course('show');
    expect(shown.content).toContain('Last day: 2026-12-18');
  });

  it('names the option when a typed day does not exist (2026-02-30) and imports nothing', async () => {
    await world.setupCourse();
    const reply = await course('backfill', { since: '2026-02-30' });
    expect(reply.content).toContain('since: 2026-02-30 does not exist');
    expect(essayThreadsIn(world, world.forumId)).toHaveLength(0);
  });
});
