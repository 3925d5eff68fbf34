import { afterEach, expect, it } from 'vitest';
import { startPushWorld, type PushWorld } from './push-world.js';

let world: PushWorld;
afterEach(() => world?.close());

it('/course archive deletes the course’s push link and its delivery records (the signing secret is gone, the URL answers 404)', async () => {
  world = await startPushWorld();
  expect((await world.send({ event: 'ping', id: 0 })).status).toBe(202);
  const db = world.bot.ctx.db;
  expect(await db.pushLink.count()).toBe(1);
  expect(await db.pushDelivery.count()).toBe(1);

  const ask = await world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'course', subcommand: 'archive', options: {} })
    .response(10_000);
  const button = (ask.components[0] as { components: Array<{ custom_id: string }> }).components[0]!.custom_id;
  const done = await world.emu
    .as(world.instructorId)
    .pressButton({ guildId: world.guildId, channelId: world.staffChannelId, messageId: ask.messageId!, customId: button })
    .response(10_000);
  expect(done.content).toContain('archived');

  expect(await db.pushLink.count()).toBe(0);
  expect(await db.pushDelivery.count()).toBe(0);
  expect((await world.send({ event: 'ping', id: 0 })).status).toBe(404);
});
