// READY and GUILD_CREATE bodies. discord.js waits for a GUILD_CREATE for every guild READY lists,
// and needs the @everyone role (id = guild id) and the bot's own member in it.
import { ApplicationFlags, type GatewayGuildCreateDispatchData, type GatewayReadyDispatchData, type UserFlags } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { activeThreads, channelPayload, guildChannels, guildPayload, memberPayload, threadPayload, userPayload } from './serializers.js';
import { shardForGuild } from './snowflake.js';
import { memberKey } from './state.js';

/** Guilds the bot is in that belong to this shard. */
export function guildsForShard(ctx: EmuContext, shard: [number, number]): string[] {
  return [...ctx.state.guilds.keys()].filter((id) => ctx.state.members.has(memberKey(id, ctx.config.botUserId)) && shardForGuild(id, shard[1]) === shard[0]);
}

export function readyPayload(ctx: EmuContext, sessionId: string, shard: [number, number], resumeUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...userPayload(ctx, ctx.config.botUserId), verified: true, mfa_enabled: false, flags: 0 as UserFlags },
    guilds: guildsForShard(ctx, shard).map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: {
      id: ctx.config.applicationId,
      flags: ApplicationFlags.GatewayMessageContentLimited,
      flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
    },
  };
}

export function guildCreatePayload(ctx: EmuContext, guildId: string): GatewayGuildCreateDispatchData {
  const members = [...ctx.state.members.values()].filter((m) => m.guild_id === guildId);
  const self = ctx.state.members.get(memberKey(guildId, ctx.config.botUserId));
  return {
    ...guildPayload(ctx, guildId),
    joined_at: self?.joined_at ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members: members.map((m) => memberPayload(ctx, guildId, m.user_id)),
    channels: guildChannels(ctx, guildId).map((c) => channelPayload(ctx, c)) as GatewayGuildCreateDispatchData['channels'],
    threads: activeThreads(ctx, guildId).map((t) => threadPayload(t)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
