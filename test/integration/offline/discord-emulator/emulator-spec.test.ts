import { afterEach, describe, expect, it } from 'vitest';
import { MessageFlags, Routes, SlashCommandBuilder, type ForumChannel, type TextChannel } from 'discord.js';
import { setupFixture, teardownFixtures } from './test-setup.js';

afterEach(teardownFixtures);

describe('responses match the spec', () => {
  it("every answer in a broad flow satisfies discord-api-spec's response schemas", async () => {
    const { emu, client, guildId, forumId, textId, alice } = await setupFixture();
    const forum = (await client.channels.fetch(forumId)) as ForumChannel;
    const text = (await client.channels.fetch(textId)) as TextChannel;
    const post = await forum.threads.create({
      name: 'Essay',
      message: { content: 'New essay', embeds: [{ title: 'On Walls', fields: [{ name: 'Author', value: 'Alice' }] }] },
    });
    emu.as(alice).postMessage(post.id, { content: 'Great essay', attachments: [{ filename: 'notes.txt', data: Buffer.from('n') }] });
    const sent = await post.send({ content: 'Mirrored', files: [{ attachment: Buffer.from('x'), name: 'x.txt' }] });
    await sent.edit('Mirrored (edited)');
    await sent.react('👍');
    await client.rest.get(Routes.channelMessages(post.id));
    await client.rest.get(Routes.channel(post.id));
    await client.rest.get(Routes.channel(textId));
    await client.rest.get(Routes.guildActiveThreads(guildId));
    await client.rest.get(Routes.channelThreads(forumId, 'public'));
    await client.rest.get(Routes.guild(guildId));
    await client.rest.get(Routes.guildChannels(guildId));
    await client.rest.get(Routes.guildRoles(guildId));
    await client.rest.get(Routes.guildMember(guildId, alice));
    await client.rest.get(Routes.user(alice));
    await client.rest.get(Routes.oauth2CurrentApplication());
    const thread = await text.threads.create({ name: 'Side thread' });
    await thread.setName('Renamed');
    const hook = await text.createWebhook({ name: 'blog-mirror' });
    const wm = await hook.send({ content: 'From the blog', username: 'Dana (blog)', avatarURL: 'https://example.org/a.png' });
    await hook.editMessage(wm.id, { content: 'From the blog (edited)' });
    await (await client.users.fetch(alice)).send('DM');
    await client.application.commands.set([new SlashCommandBuilder().setName('ping').setDescription('p').toJSON()], guildId);
    client.on('interactionCreate', (i) => void (i.isChatInputCommand() && i.reply({ content: 'pong', flags: MessageFlags.Ephemeral, withResponse: true })));
    await emu.as(alice).runSlashCommand({ guildId, channelId: textId, name: 'ping' }).response();
    await emu.waitFor(() => emu.state.requests.some((r) => r.path.includes('/callback') && r.status === 200));
    const issues = emu.state.requests.flatMap((r) => r.responseIssues.map((i) => `${r.method} ${r.route} -> ${i}`));
    expect(issues).toEqual([]);
    expect(emu.state.requests.filter((r) => r.responseIssues.length === 0 && r.status < 300).length).toBeGreaterThan(20);
    expect(emu.unknownRequests()).toEqual([]);
  });
});
