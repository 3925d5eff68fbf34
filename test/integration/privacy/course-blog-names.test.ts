// The course's default for how students' names appear on the blog (issue 12 item 11), chosen by staff at
// /course setup: students who chose nothing with /privacy name are published under it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { essayThreadsIn, startBotWorld, type BotWorld } from '../../support/bot-world.js';
import type { SlashOptionValue } from '../../../src/offline/discord-emulator/index.js';

let world: BotWorld;
beforeEach(async () => {
  world = await startBotWorld();
});
afterEach(() => world?.close());

const run = (userId: string, name: string, subcommand: string, options: Record<string, SlashOptionValue> = {}) =>
  world.emu.as(userId).runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name, subcommand, options }).response(10_000);

describe('/course setup blog_names', () => {
  it('a course set up with first name and initial publishes a student who chose nothing as “Alice S.”', async () => {
    const setup = await run(
      world.instructorId,
      'course',
      'setup',
      world.courseSetupOptions({
        blog_names: 'first-initial',
      }),
    );
    expect(setup.content).toContain('Course set up');
    expect((await run(world.instructorId, 'course', 'show')).content).toContain('names on the blog: first name and initial');
    const [alice] = world.studentIds;
    await run(world.instructorId, 'roster', 'add', { name: 'Alice Student', email: 'alice.sample@university.test', user: alice });
    const post = await world.wp.as('student2').publishPost({ title: 'On the Thaw', content: '<p>The reforms mattered.</p>' });
    await world.bot.syncNow();
    world.emu.as(alice).postMessage(essayThreadsIn(world, world.forumId)[0]!.id, { content: 'A point made in Discord.' });
    await world.emu.waitFor(async () => (await world.testDb.db.comment.count()) === 1, 5_000, 'reply recorded');
    await world.bot.syncNow();
    expect(world.wp.state.comments.filter((c) => c.postId === post.id).map((c) => c.authorName)).toEqual(['Alice S.']);
  });

  it('/course settings with no option names the options to give', async () => {
    await world.setupCourse();
    const answer = await run(world.instructorId, 'course', 'settings');
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('min_words or blog_names');
  });
});
