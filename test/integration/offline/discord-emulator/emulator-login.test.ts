import { afterEach, describe, expect, it } from 'vitest';
import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../../../src/offline/discord-emulator/index.js';
import { connectClient } from '../../../support/connect-client.js';

let emu: DiscordEmulator | undefined;
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await emu?.close();
  emu = undefined;
});

describe('login and ready', () => {
  it('logs discord.js in and delivers guilds, channels, roles and the bot member', async () => {
    emu = await startDiscordEmulator();
    const guild = emu.createGuild({ name: 'WRIT 101' });
    const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum', tags: ['week-1'] });
    const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
    const client = await connectClient(emu);
    clients.push(client);
    expect(client.user.id).toBe(emu.botUserId);
    expect(client.application.id).toBe(emu.applicationId);
    const g = client.guilds.cache.get(guild.id)!;
    expect(g.name).toBe('WRIT 101');
    expect(g.roles.everyone.id).toBe(guild.id);
    expect(g.members.me?.id).toBe(emu.botUserId);
    expect(g.channels.cache.get(forum.id)?.type).toBe(ChannelType.GuildForum);
    expect(g.channels.cache.get(text.id)?.type).toBe(ChannelType.GuildText);
    expect(emu.unknownRequests()).toEqual([]);
  });

  it('announces a guild and channel created after ready', async () => {
    emu = await startDiscordEmulator();
    const client = await connectClient(emu);
    clients.push(client);
    const guild = emu.createGuild({ name: 'Late course' });
    const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
    await emu.waitFor(() => client.channels.cache.get(text.id));
    expect(client.guilds.cache.get(guild.id)?.name).toBe('Late course');
  });

  it('login with a token the emulator does not know fails', async () => {
    emu = await startDiscordEmulator();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    clients.push(client);
    await expect(client.login('not-the-token')).rejects.toThrow();
    expect(emu.state.requests.map((r) => r.status)).toContain(401);
  });
});
