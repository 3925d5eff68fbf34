import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { limitedCaches } from './cache-limits.js';

/**
 * The discord.js client the bot runs on. Message Content is a privileged intent: enable it in the
 * Developer Portal (README) or thread replies arrive empty. `apiUrl` points REST at the emulator in tests.
 */
export function createDiscordClient(options: { apiUrl?: string; shards?: number[]; shardCount?: number } = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel, Partials.Message],
    ...limitedCaches,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    ...(options.shards ? { shards: options.shards, shardCount: options.shardCount } : {}),
  });
}

/** Logs in and resolves once the client is ready (listener attached before login: ready can come first). */
export async function loginAndWait(client: Client, token: string): Promise<Client<true>> {
  const ready = new Promise<Client<true>>((resolve) => client.once('clientReady', (c) => resolve(c)));
  await client.login(token);
  return ready;
}
