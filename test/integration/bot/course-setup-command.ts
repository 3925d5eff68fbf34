// /course setup typed by the instructor in #staff, for tests that set a course up with options of their own
// (world.setupCourse() covers the usual course).
import { expect } from 'vitest';
import type { SlashOptionValue } from '../../../src/offline/discord-emulator/index.js';
import type { BotWorld } from '../../support/bot-world.js';
import { runAs } from '../../support/course-world.js';

/** /course setup with the world's usual options but `changes`; fails the test unless the bot answers that the course is set up. */
export async function runCourseSetup(world: BotWorld, changes: Record<string, SlashOptionValue>): Promise<void> {
  const reply = await runAs(world, world.instructorId, 'course', 'setup', world.courseSetupOptions(changes), 10_000);
  expect(reply.content).toContain('Course set up');
}

/** HIST 215 (in UTC), set up in a new channel of the server; the channel's id. */
export async function setUpHist215InNewChannel(world: BotWorld, channel: { name: string; type: 'forum' | 'text' }): Promise<string> {
  const { id } = world.emu.createChannel(world.guildId, channel);
  await runCourseSetup(world, { name: 'HIST 215', channel: id, time_zone: 'UTC' });
  return id;
}
