import { afterEach, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  MessageFlags,
  SlashCommandBuilder,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { setupFixture, teardownFixtures, type Fixture } from './test-setup.js';

afterEach(teardownFixtures);

const review = new SlashCommandBuilder()
  .setName('review')
  .setDescription('Peer reviews')
  .addSubcommand((s) =>
    s
      .setName('assign')
      .setDescription('Assign reviewers')
      .addIntegerOption((o) => o.setName('count').setDescription('Per essay').setRequired(true))
      .addBooleanOption((o) => o.setName('dry-run').setDescription('Preview only')),
  )
  .addSubcommand((s) =>
    s
      .setName('import')
      .setDescription('Import a roster')
      .addAttachmentOption((o) => o.setName('roster').setDescription('CSV').setRequired(true)),
  );

async function withCommands(f: Fixture, handler: (i: Interaction) => Promise<void>) {
  await f.client.application.commands.set([review.toJSON()], f.guildId);
  f.client.on('interactionCreate', (i) => void handler(i).catch(() => undefined));
}

describe('slash commands and buttons', () => {
  it('registers commands with a bulk overwrite and keeps ids stable', async () => {
    const f = await setupFixture();
    const first = await f.client.application.commands.set([review.toJSON()], f.guildId);
    const second = await f.client.application.commands.set([review.toJSON()], f.guildId);
    expect(second.first()?.id).toBe(first.first()?.id);
    expect(f.emu.state.commands.guilds.get(f.guildId)?.map((c) => c.name)).toEqual(['review']);
  });

  it('rejects a command definition the spec rejects (name over 32 characters), accepts a valid one', async () => {
    const f = await setupFixture();
    const bad = { ...review.toJSON(), name: 'x'.repeat(33) };
    await expect(f.client.application.commands.set([bad], f.guildId)).rejects.toMatchObject({ code: 50035 });
    await expect(f.client.application.commands.set([review.toJSON()], f.guildId)).resolves.toBeDefined();
  });

  it('round-trips a slash command: typed options in, ephemeral reply out', async () => {
    const f = await setupFixture();
    let seen: unknown;
    await withCommands(f, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = { sub: i.options.getSubcommand(), count: i.options.getInteger('count'), dry: i.options.getBoolean('dry-run'), user: i.user.id };
      await i.reply({ content: 'Assigned 2 reviewers each.', flags: MessageFlags.Ephemeral });
    });
    const ix = f.emu
      .as(f.alice)
      .runSlashCommand({ guildId: f.guildId, channelId: f.textId, name: 'review', subcommand: 'assign', options: { count: 2, 'dry-run': true } });
    const res = await ix.response();
    expect(seen).toEqual({ sub: 'assign', count: 2, dry: true, user: f.alice });
    expect(res).toMatchObject({ type: 4, content: 'Assigned 2 reviewers each.', ephemeral: true });
    expect(f.emu.messagesIn(f.textId)).toHaveLength(0); // ephemeral replies are not in channel history
  });

  it('deferred reply then edit, plus a follow-up; the attachment option is downloadable', async () => {
    const f = await setupFixture();
    await withCommands(f, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      const roster = i.options.getAttachment('roster', true);
      const text = await (await fetch(roster.url)).text();
      await i.editReply({
        content: `Imported ${text.trim().split('\n').length - 1} students`,
        files: [new AttachmentBuilder(Buffer.from('ok'), { name: 'log.txt' })],
      });
      await i.followUp({ content: 'Done.', flags: MessageFlags.Ephemeral });
    });
    const ix = f.emu.as(f.alice).runSlashCommand({
      guildId: f.guildId,
      channelId: f.textId,
      name: 'review',
      subcommand: 'import',
      options: { roster: { attachment: { filename: 'roster.csv', contentType: 'text/csv', data: Buffer.from('name\nann\nben\n') } } },
    });
    const res = await ix.response();
    expect(res).toMatchObject({ kind: 'edit', content: 'Imported 2 students', ephemeral: false });
    expect(res.attachments[0]?.data.toString()).toBe('ok');
    await f.emu.waitFor(() => ix.all().length === 3, 2000, 'follow-up');
    expect(ix.all().map((r) => `${r.kind}:${r.ephemeral}`)).toEqual(['callback:false', 'edit:false', 'followup:true']);
    expect(f.emu.messagesIn(f.textId).map((m) => m.content)).toEqual(['Imported 2 students']);
  });

  it('refuses a second reply with 40060', async () => {
    const f = await setupFixture();
    let second: unknown;
    await withCommands(f, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('one');
      second = await f.client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 4, data: { content: 'two' } }, auth: false })
        .catch((e: unknown) => e);
    });
    await f.emu
      .as(f.alice)
      .runSlashCommand({ guildId: f.guildId, channelId: f.textId, name: 'review', subcommand: 'assign', options: { count: 1 } })
      .response();
    await f.emu.waitFor(() => second, 2000);
    expect(second).toBeInstanceOf(DiscordAPIError);
    expect((second as DiscordAPIError).code).toBe(40060);
  });

  it('an interaction not answered in time is Unknown interaction (10062); in time it works', async () => {
    const f = await setupFixture({ interactionResponseTimeoutMs: 100 });
    const results: unknown[] = [];
    await withCommands(f, async (i) => {
      if (!i.isChatInputCommand()) return;
      if (i.options.getInteger('count') === 0) await new Promise((r) => setTimeout(r, 200));
      results.push(
        await i.reply('late or not').then(
          () => 'ok',
          (e: DiscordAPIError) => e.code,
        ),
      );
    });
    const run = (count: number) =>
      f.emu.as(f.alice).runSlashCommand({ guildId: f.guildId, channelId: f.textId, name: 'review', subcommand: 'assign', options: { count } });
    run(0);
    await f.emu.waitFor(() => results.length === 1, 2000);
    await run(1).response();
    await f.emu.waitFor(() => results.length === 2, 2000);
    expect(results).toEqual([10062, 'ok']);
  });

  it('refuses to run a command that was never registered', async () => {
    const f = await setupFixture();
    expect(() => f.emu.as(f.alice).runSlashCommand({ guildId: f.guildId, channelId: f.textId, name: 'nope' })).toThrow(/not registered/);
  });

  it('presses a button and sees the message updated', async () => {
    const f = await setupFixture();
    const channel = (await f.client.channels.fetch(f.textId)) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('confirm:42').setLabel('Confirm').setStyle(ButtonStyle.Primary),
    );
    const sent = await channel.send({ content: 'Assign reviewers?', components: [row] });
    f.client.on('interactionCreate', (i) => {
      if (i.isButton() && i.customId === 'confirm:42') void i.update({ content: 'Assigned.', components: [] });
    });
    const ix = f.emu.as(f.alice).pressButton({ guildId: f.guildId, channelId: f.textId, messageId: sent.id, customId: 'confirm:42' });
    expect(await ix.response()).toMatchObject({ type: 7, content: 'Assigned.' });
    expect(f.emu.messagesIn(f.textId)[0]).toMatchObject({ content: 'Assigned.', components: [] });
    expect(() => f.emu.as(f.alice).pressButton({ guildId: f.guildId, channelId: f.textId, messageId: sent.id, customId: 'confirm:42' })).toThrow(/no button/);
  });
});
