// Public entry of the Discord API emulator (REST + gateway on 127.0.0.1) for tests and the demo.
export { DiscordEmulator, startDiscordEmulator } from './emulator.js';
export type { DiscordEmulatorOptions } from './context.js';
export type { Actor, ButtonInput, PersonAttachment, PostInput } from './actors.js';
export type { InteractionHandle, InteractionResponseView } from './interaction-tracker.js';
export type { SlashCommandInput, SlashOptionValue } from './interaction-builder.js';
export type { FailNextRule } from './rate-limits.js';
export type { EmuChannel, EmuGuild, EmuMessage, EmulatorState, Pinged, RequestLogEntry } from './state.js';
export type { GatewayLogEntry } from './gateway.js';
export { shardForGuild, snowflakeForShard, nextSnowflake } from './snowflake.js';
export { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
