// A course that has just been set up has nothing to chart: staff asking for the chart get a short
// text saying so, not an image of empty axes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { settledAnswers } from './report-world.js';

let world: BotWorld;

beforeAll(async () => {
  world = await startBotWorld();
  await world.setupCourse();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('/report participation format:chart on a new course', () => {
  it('says "no data yet" in text and attaches no empty chart', async () => {
    const ix = world.emu
      .as(world.instructorId)
      .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'report', subcommand: 'participation', options: { format: 'chart' } });
    const replies = await settledAnswers(ix);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments).toEqual([]);
    expect(replies[0]!.content).toMatch(/no data yet/i);
    expect(replies[0]!.ephemeral).toBe(true);
  });
});
