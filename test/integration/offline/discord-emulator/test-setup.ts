// Shared fixture for the emulator's own tests: one emulator, a course guild, a forum, a text
// channel, two students, and a logged-in discord.js client; or a bare emulator for a test that builds its
// own scene. Either is torn down by teardownFixtures (afterEach), with every client tracked on it.
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

/** An emulator with nothing in it yet. */
export async function startBareEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  const emu = await startDiscordEmulator(options);
  open.push({ emu, clients: [] });
  return emu;
}

export async function setupFixture(options: DiscordEmulatorOptions = {}, clientOptions: Partial<ClientOptions> = {}): Promise<Fixture> {
  const emu = await startBareEmulator(options);
  const guild = emu.createGuild({ name: 'WRIT 101' });
  const forum = emu.createChannel(guild.id, { name: 'essays', type: 'forum', tags: ['week-1'] });
  const text = emu.createChannel(guild.id, { name: 'general', type: 'text' });
  const alice = emu.createUser({ username: 'alice', globalName: 'Alice Student' }).id;
  const bob = emu.createUser({ username: 'bob' }).id;
  emu.addMember(guild.id, alice);
  emu.addMember(guild.id, bob);
  const client = await connectClient(emu, clientOptions);
  trackClient(emu, client);
  return { emu, client, guildId: guild.id, forumId: forum.id, textId: text.id, alice, bob };
}

/** Track clients so teardown destroys them (before it closes their emulator). */
export function trackClient(emu: DiscordEmulator, ...clients: Client[]): void {
  open.find((e) => e.emu === emu)?.clients.push(...clients);
}

export async function teardownFixtures(): Promise<void> {
  for (const { emu, clients } of open.splice(0)) {
    await Promise.all(clients.map((c) => c.destroy()));
    await emu.close();
  }
}
