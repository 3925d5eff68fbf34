import { afterEach, expect, it } from 'vitest';
import { runConfirmedAsStaff } from '../../support/staff-command.js';
import { startPushWorld, type PushWorld } from './push-world.js';

let world: PushWorld;
afterEach(() => world?.close());

it('/course archive deletes the course’s push link and its delivery records (the signing secret is gone, the URL answers 404)', async () => {
  world = await startPushWorld();
  expect((await world.send({ event: 'ping', id: 0 })).status).toBe(202);
  const db = world.bot.ctx.db;
  expect(await db.pushLink.count()).toBe(1);
  expect(await db.pushDelivery.count()).toBe(1);

  const done = await runConfirmedAsStaff(world, 'course', 'archive');
  expect(done.content).toContain('archived');

  expect(await db.pushLink.count()).toBe(0);
  expect(await db.pushDelivery.count()).toBe(0);
  expect((await world.send({ event: 'ping', id: 0 })).status).toBe(404);
});
