// What every part of the emulator shares: the world, the settings, and a way to send gateway events.
import type { EmulatorState } from './state.js';

export interface EmulatorConfig {
  botToken: string;
  applicationId: string;
  botUserId: string;
  botUsername: string;
  shardCount: number;
  maxConcurrency: number;
  heartbeatIntervalMs: number;
  /** Discord drops an interaction not answered within 3 s (10062 Unknown interaction). */
  interactionResponseTimeoutMs: number;
  /** Discord's clock in ms (message times, ids, the nonce window): Date.now unless a test shares its fake clock. */
  now: () => number;
  /** http://127.0.0.1:port, filled once the server listens. */
  baseUrl: string;
}

export interface DispatchTarget {
  /** Guild the event belongs to; decides the shard. Omit for DMs (shard 0). */
  guildId?: string;
  /** Channel the event is about; a thread unknown to a session gets THREAD_CREATE first. */
  channelId?: string;
}

export interface EmuContext {
  state: EmulatorState;
  config: EmulatorConfig;
  dispatch(event: string, data: unknown, target: DispatchTarget): void;
}

/** What a test or the demo may choose when it starts the emulator (startDiscordEmulator). */
export interface DiscordEmulatorOptions {
  botToken?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** Recommended by GET /gateway/bot (what `shards: 'auto'` uses). */
  shardCount?: number;
  maxConcurrency?: number;
  heartbeatIntervalMs?: number;
  interactionResponseTimeoutMs?: number;
  port?: number;
  /** Discord's clock (message times and ids, the nonce window); a test passes its fake clock to move Discord's time with the bot's. */
  now?: () => number;
}
