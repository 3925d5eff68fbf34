// State -> wire payloads, typed with discord-api-types so a missing field is a compile error.
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  SortOrderType,
  GuildFeature,
  type ChannelFlags,
  type GuildMemberFlags,
  ForumLayoutType,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
} from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { isThread } from './permissions.js';
import { memberKey, type EmuChannel, type EmuMessage } from './state.js';

export function userPayload(ctx: EmuContext, userId: string): APIUser {
  const user = ctx.state.users.get(userId);
  if (!user) throw new Error(`emulator: unknown user ${userId}`);
  return { ...user };
}

export function rolesOf(ctx: EmuContext, guildId: string): APIRole[] {
  return [...ctx.state.roles.values()].filter((r) => r.guild_id === guildId).map(({ guild_id: _g, ...role }) => role);
}

export function memberPayload(ctx: EmuContext, guildId: string, userId: string): APIGuildMember {
  const m = ctx.state.members.get(memberKey(guildId, userId));
  if (!m) throw new Error(`emulator: ${userId} is not a member of ${guildId}`);
  return {
    user: userPayload(ctx, userId),
    roles: [...m.roles],
    joined_at: m.joined_at,
    nick: m.nick,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    avatar: null,
    banner: null,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
  };
}

export function channelPayload(ctx: EmuContext, c: EmuChannel): APIChannel {
  if (c.type === ChannelType.DM) {
    const recipients = (c.recipient_ids ?? []).filter((id) => id !== ctx.config.botUserId).map((id) => userPayload(ctx, id));
    return { id: c.id, type: ChannelType.DM, recipients, last_message_id: c.last_message_id ?? null, flags: 0 as ChannelFlags, name: null };
  }
  const base = {
    id: c.id,
    guild_id: c.guild_id!,
    name: c.name ?? '',
    parent_id: c.parent_id ?? null,
    position: c.position,
    permission_overwrites: c.permission_overwrites,
    nsfw: false,
    flags: 0 as ChannelFlags,
  };
  if (isThread(c)) return threadPayload(c);
  if (c.type === ChannelType.GuildForum) {
    return {
      ...base,
      type: ChannelType.GuildForum,
      topic: c.topic ?? null,
      last_message_id: c.last_message_id ?? null,
      available_tags: c.available_tags ?? [],
      default_reaction_emoji: null,
      default_sort_order: SortOrderType.LatestActivity,
      default_forum_layout: ForumLayoutType.NotSet,
      rate_limit_per_user: 0,
      default_thread_rate_limit_per_user: 0,
    };
  }
  if (c.type === ChannelType.GuildCategory) {
    const { nsfw: _n, parent_id: _p, ...cat } = base;
    return { ...cat, type: ChannelType.GuildCategory, parent_id: null };
  }
  return {
    ...base,
    type: ChannelType.GuildText,
    topic: c.topic ?? null,
    last_message_id: c.last_message_id ?? null,
    rate_limit_per_user: 0,
    default_thread_rate_limit_per_user: 0,
  };
}

export function threadPayload(c: EmuChannel): APIThreadChannel {
  const md = c.thread_metadata!;
  return {
    id: c.id,
    type: c.type as ChannelType.PublicThread,
    guild_id: c.guild_id!,
    name: c.name ?? '',
    parent_id: c.parent_id ?? undefined,
    owner_id: c.owner_id!,
    last_message_id: c.last_message_id ?? null,
    thread_metadata: { ...md },
    message_count: c.message_count ?? 0,
    member_count: 1,
    total_message_sent: c.message_count ?? 0,
    applied_tags: c.applied_tags ?? [],
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
    nsfw: false,
  };
}

export function messagePayload(ctx: EmuContext, m: EmuMessage): APIMessage {
  const { allowed_mentions: _a, pinged: _p, reactors, deleted: _d, ephemeral: _e, createdAtMs: _c, attachments, guild_id: _g, ...rest } = m;
  const reactions = Object.entries(reactors)
    .filter(([, users]) => users.length > 0)
    .map(([key, users]) => {
      const [name, id] = key.split(':');
      return {
        emoji: { id: id ?? null, name: name ?? null },
        count: users.length,
        count_details: { burst: 0, normal: users.length },
        me: users.includes(ctx.config.botUserId),
        me_burst: false,
        burst_colors: [],
      };
    });
  return { ...rest, attachments: attachments.map(({ data: _data, ...a }) => a), ...(reactions.length ? { reactions } : {}) };
}

export function guildPayload(ctx: EmuContext, guildId: string): APIGuild {
  const g = ctx.state.guilds.get(guildId)!;
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.owner_id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: rolesOf(ctx, guildId),
    emojis: [],
    features: [GuildFeature.Community],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null as GuildHubType | null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    stickers: [],
    region: 'us-west',
    widget_enabled: false,
    widget_channel_id: null,
    max_members: 500000,
    max_presences: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    premium_subscription_count: 0,
    ...{ home_header: null, nsfw: false }, // in Discord's spec, not yet in discord-api-types
  };
}

export function guildChannels(ctx: EmuContext, guildId: string): EmuChannel[] {
  return [...ctx.state.channels.values()].filter((c) => c.guild_id === guildId && !isThread(c));
}

export function activeThreads(ctx: EmuContext, guildId: string): EmuChannel[] {
  return [...ctx.state.channels.values()].filter((c) => c.guild_id === guildId && isThread(c) && !c.thread_metadata?.archived);
}
