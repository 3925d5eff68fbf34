import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { essayThreadsIn } from '../../support/bot-world.js';
import { refuseAuditEntries } from '../../support/failing-audit-insert.js';
import { clock, useBotWorld, world } from '../../support/use-bot-world.js';

useBotWorld({ courseSetUp: true, onManualClock: true });

/** The bot cannot see the forum for more than a day, syncing all the while: what it had to post there dies. */
async function loseForumAccessForADay(): Promise<void> {
  world.emu.setChannelPermissionOverwrites(world.forumId, [world.emu.denyBot(world.guildId, PermissionFlagsBits.ViewChannel)]);
  for (let i = 0; i < 2; i += 1) {
    clock.advance(13 * 3_600_000);
    await world.bot.syncNow();
  }
}

const syncRetry = () =>
  world.emu
    .as(world.instructorId)
    .runSlashCommand({ guildId: world.guildId, channelId: world.staffChannelId, name: 'sync', subcommand: 'retry' })
    .response(10_000);

describe('/sync retry', () => {
  it('does not post a blog comment twice in the thread when its first mirror had reached Discord before the effect became a dead letter', async () => {
    const post = await world.wp.as('student1').publishPost({ title: 'The Thaw, reconsidered', content: '<p>The reforms—some of them—mattered.</p>' });
    await world.bot.syncNow();
    const thread = essayThreadsIn(world, world.forumId)[0]!;

    // The first webhook post reaches the thread, then the process dies before it records the message.
    const chat = world.bot.ctx.chat;
    const realPost = chat.postAsWebhook.bind(chat);
    let killed = false;
    chat.postAsWebhook = async (ref, message) => {
      const id = await realPost(ref, message);
      if (!killed) {
        killed = true;
        throw new Error('process killed after the webhook post');
      }
      return id;
    };
    await world.wp.as('student2').comment(post.id, '<p>Agreed — the silence says more.</p>');
    await world.bot.syncNow();
    const mirrors = () => world.emu.messagesIn(thread.id).filter((m) => m.webhook_id && m.content.includes('Agreed — the silence says more.'));
    expect(mirrors()).toHaveLength(1);

    // Then the bot loses access to the forum for more than a day: the effect becomes a dead letter.
    await loseForumAccessForADay();
    expect(await world.testDb.db.outboxItem.count({ where: { status: 'dead' } })).toBe(1);

    // Staff restore the access and retry the dead letters.
    world.emu.setChannelPermissionOverwrites(world.forumId, []);
    expect((await syncRetry()).content).toContain('1 failed effect(s) will be retried now.');
    await world.bot.syncNow();

    expect(await world.testDb.db.outboxItem.count({ where: { status: { not: 'done' } } })).toBe(0);
    expect(mirrors()).toHaveLength(1);
  }, 90_000);

  it('retries nothing when the retry cannot be recorded, and a later retry finds the dead letter still there', async () => {
    // The essay's thread fails at once (the forum is out of sight), then keeps failing for a day.
    world.emu.setChannelPermissionOverwrites(world.forumId, [world.emu.denyBot(world.guildId, PermissionFlagsBits.ViewChannel)]);
    await world.wp.as('student1').publishPost({ title: 'Unseen', content: '<p>Published while the forum was out of sight.</p>' });
    await world.bot.syncNow();
    await loseForumAccessForADay();
    world.emu.setChannelPermissionOverwrites(world.forumId, []);

    const acceptAgain = await refuseAuditEntries(world.testDb.db, 'sync.retry');
    expect((await syncRetry()).content).toContain('Nothing was changed');
    await acceptAgain();
    expect((await syncRetry()).content).toContain('1 failed effect(s) will be retried now.');
    await world.bot.syncNow();
    expect(essayThreadsIn(world, world.forumId).map((t) => t.name)).toEqual(['Unseen']);
  }, 90_000);
});
