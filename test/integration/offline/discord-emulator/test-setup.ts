// Shared fixture for the emulator's own tests: one emulator, a course guild, a forum, a text
// channel, two students, and a logged-in discord.js client; torn down after each test.
import type { Client, ClientOptions } from 'discord.js';
import { connectClient } from '../../../support/connect-client.js';
import { startDiscordEmulator, type DiscordEmulator, type DiscordEmulatorOptions } from '../../../../src/offline/discord-emulator/index.js';

export interface Fixture {
  emu: DiscordEmulator;
  client: Client<true>;
  guildId: string;
  forumId: string;
  textId: string;
  alice: string;
  bob: string;
}

const open: { emu: DiscordEmulator; clients: Client[] }[] = [];

export async function setupFixture(options: DiscordEmulatorOptions = {}, clientOptions: Partial<ClientOptions> = {}): Promise<Fixture> {
  const emu = await startDiscordEmulator(options);
  const entry = { emu, clients: [] as Client[] };
  open.push(entry);
  const guild = emu.createGuild({ name: 'WRIT 101' });
  const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum', tags: ['week-1'] });
  const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
  const alice = emu.createUser({ username: 'alice', globalName: 'Alice Student' }).id;
  const bob = emu.createUser({ username: 'bob' }).id;
  emu.addMember(guild.id, alice);
  emu.addMember(guild.id, bob);
  const client = await connectClient(emu, clientOptions);
  entry.clients.push(client);
  return { emu, client, guildId: guild.id, forumId: forum.id, textId: text.id, alice, bob };
}

/** Track an extra client so teardown destroys it. */
export function trackClient(emu: DiscordEmulator, client: Client): void {
  open.find((e) => e.emu === emu)?.clients.push(client);
}

export async function teardownFixtures(): Promise<void> {
  for (const { emu, clients } of open.splice(0)) {
    await Promise.all(clients.map((c) => c.destroy()));
    await emu.close();
  }
}
