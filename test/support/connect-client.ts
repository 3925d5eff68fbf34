// Logs a real discord.js Client into the emulator and resolves once it is ready. Only tests need a client of
// their own (the demo runs the bot's), so it lives here and discord.js stays out of src/offline.
// The clientReady listener is attached before login() because login can resolve after it fired.
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { DiscordEmulator } from '../../src/offline/discord-emulator/emulator.js';

export const DEFAULT_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.GuildMessageReactions,
];

export function emulatorClientOptions(emu: DiscordEmulator, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    intents: DEFAULT_INTENTS,
    partials: [Partials.Channel],
    ...extra,
    rest: { api: emu.apiUrl, ...extra.rest },
  };
}

export async function connectClient(emu: DiscordEmulator, extra: Partial<ClientOptions> = {}, timeoutMs = 10_000): Promise<Client<true>> {
  const client = new Client(emulatorClientOptions(emu, extra));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`discord.js did not become ready within ${timeoutMs} ms`)), timeoutMs);
    client.once('clientReady', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(emu.botToken);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  return client as Client<true>;
}
