// discord.js drops a repeated MESSAGE_CREATE only when the message is still in its cache; the bot keeps no
// message cache (issue 14), so a repeat reaches the bot's handler. Discord may send one again (a resumed
// session replays events): the reply must still become one blog comment. Real bot, Discord emulator, WordPress fake.
import { afterEach, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';

let world: BotWorld;
afterEach(() => world?.close());

it('a reply whose message event Discord sends twice is mirrored to the blog once', async () => {
  world = await startBotWorld();
  await world.setupCourse();
  const postId = (await world.wp.as('student1').publishPost({ title: 'Heard twice', content: '<p>Essay.</p>' })).id;
  await world.bot.syncNow();
  const threadId = world.emu.findThreadByName('Heard twice', world.forumId)!.id;
  const blogComments = () => world.wp.state.comments.filter((c) => c.postId === postId);

  // What discord.js hands the bot: the repeats must really arrive, or this test would prove nothing.
  const heard: string[] = [];
  world.bot.client.on('messageCreate', (m) => void heard.push(m.id));
  const reply = world.emu.as(world.studentIds[1]).postMessage(threadId, { content: 'Said once, delivered twice — “really”.' });
  await world.emu.waitFor(() => heard.includes(reply.id), 10_000, 'the first event');
  world.emu.redispatchMessageCreate(threadId, reply.id);
  world.emu.redispatchMessageCreate(threadId, reply.id);
  await world.emu.waitFor(() => heard.filter((id) => id === reply.id).length === 3, 10_000, 'both repeats reaching the bot');
  await world.emu.waitFor(async () => (await world.bot.syncNow(), blogComments().length > 0), 20_000, 'the reply on the blog');
  // More syncs, so a second comment queued by the repeats would be posted too.
  await world.bot.syncNow();
  await world.bot.syncNow();
  expect(
    blogComments()
      .map((c) => c.content)
      .filter((c) => c.includes('Said once')),
  ).toHaveLength(1);
  expect(blogComments()).toHaveLength(1);
}, 60_000);
