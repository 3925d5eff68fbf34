// A command that reaches the bot while it shuts down (a deploy): the person is told at once that nothing
// was done and to try again, instead of Discord's "The application did not respond" 3 s later.
import { afterEach, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
afterEach(() => world?.close());

it('an instructor pausing the course while the bot restarts is told to try again, and the course is not paused', async () => {
  world = await startBotWorld();
  await world.setupCourse();
  await world.bot.drain({ drainMs: 5_000 });

  const reply = await world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.forumId, name: 'course', subcommand: 'pause' })
    .response(10_000);
  expect(reply.ephemeral).toBe(true);
  expect(reply.content).toBe('CourseThreads is restarting, so this command was not run and nothing was changed. Please try again in a minute.');
  const course = await world.testDb.db.course.findFirstOrThrow({ select: { status: true } });
  expect(course.status).toBe('active');
});
