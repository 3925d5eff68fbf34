import { afterEach, describe, expect, it } from 'vitest';
import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { connectClient } from '../../../support/connect-client.js';
import { startBareEmulator, teardownFixtures, trackClient } from './test-setup.js';

afterEach(teardownFixtures);

describe('login and ready', () => {
  it('logs discord.js in and delivers guilds, channels, roles and the bot member', async () => {
    const emu = await startBareEmulator();
    const guild = emu.createGuild({ name: 'WRIT 101' });
    const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum', tags: ['week-1'] });
    const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
    const client = await connectClient(emu);
    trackClient(emu, client);
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
    const emu = await startBareEmulator();
    const client = await connectClient(emu);
    trackClient(emu, client);
    const guild = emu.createGuild({ name: 'Late course' });
    const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
    await emu.waitFor(() => client.channels.cache.get(text.id));
    expect(client.guilds.cache.get(guild.id)?.name).toBe('Late course');
  });

  it('login with a token the emulator does not know fails', async () => {
    const emu = await startBareEmulator();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    trackClient(emu, client);
    await expect(client.login('not-the-token')).rejects.toThrow();
    expect(emu.state.requests.map((r) => r.status)).toContain(401);
  });
});
