// Building the world a test needs: guilds, roles, channels, users, members. Changes made after the
// bot connected are announced on the gateway the way Discord would (GUILD_CREATE, CHANNEL_CREATE...).
import { ChannelType, OverwriteType, type APIOverwrite, type APIRole, type RoleFlags } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { guildCreatePayload } from './gateway-payloads.js';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
import { channelPayload, memberPayload } from './serializers.js';
import { nextSnowflake } from './snowflake.js';
import { memberKey, type EmuChannel, type EmuGuild } from './state.js';

export interface GuildInput {
  id?: string;
  name: string;
  ownerId?: string;
  everyonePermissions?: bigint;
  botPermissions?: bigint;
}

function role(guildId: string, id: string, name: string, permissions: bigint, position: number, managed = false): APIRole & { guild_id: string } {
  return {
    guild_id: guildId,
    id,
    name,
    permissions: permissions.toString(),
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(managed ? { tags: {} } : {}),
  };
}

export function createUser(ctx: EmuContext, input: { id?: string; username: string; globalName?: string | null; bot?: boolean }) {
  const user = {
    id: input.id ?? nextSnowflake(),
    username: input.username,
    global_name: input.globalName ?? null,
    discriminator: '0',
    avatar: null,
    public_flags: 0,
    flags: 0,
    primary_guild: null,
    ...(input.bot ? { bot: true } : {}),
  };
  ctx.state.users.set(user.id, user);
  return user;
}

export function addMember(ctx: EmuContext, guildId: string, userId: string, roleIds: string[] = []): void {
  if (!ctx.state.guilds.has(guildId)) throw new Error(`emulator: unknown guild ${guildId}`);
  if (!ctx.state.users.has(userId)) throw new Error(`emulator: unknown user ${userId} (createUser first)`);
  const isNew = !ctx.state.members.has(memberKey(guildId, userId));
  ctx.state.members.set(memberKey(guildId, userId), {
    guild_id: guildId,
    user_id: userId,
    roles: [...roleIds],
    joined_at: new Date().toISOString(),
    nick: null,
  });
  if (userId === ctx.config.botUserId) return;
  ctx.dispatch(isNew ? 'GUILD_MEMBER_ADD' : 'GUILD_MEMBER_UPDATE', { ...memberPayload(ctx, guildId, userId), guild_id: guildId }, { guildId });
}

export function createGuild(ctx: EmuContext, input: GuildInput): EmuGuild {
  const id = input.id ?? nextSnowflake();
  // The owner bypasses every permission check, so by default it is a person, never the bot.
  const ownerId = input.ownerId ?? createUser(ctx, { username: `${input.name.toLowerCase().replace(/\W+/g, '-')}-owner` }).id;
  if (!ctx.state.users.has(ownerId)) throw new Error(`emulator: owner ${ownerId} is not a user (createUser first)`);
  const botRoleId = nextSnowflake();
  const guild: EmuGuild = { id, name: input.name, owner_id: ownerId, botRoleId };
  ctx.state.guilds.set(id, guild);
  // @everyone's id is the guild id: discord.js and the permission math rely on it.
  ctx.state.roles.set(id, role(id, id, '@everyone', input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0));
  ctx.state.roles.set(botRoleId, role(id, botRoleId, ctx.config.botUsername, input.botPermissions ?? DEFAULT_BOT_PERMISSIONS, 1, true));
  ctx.state.members.set(memberKey(id, ctx.config.botUserId), {
    guild_id: id,
    user_id: ctx.config.botUserId,
    roles: [botRoleId],
    joined_at: new Date().toISOString(),
    nick: null,
  });
  if (ownerId !== ctx.config.botUserId)
    ctx.state.members.set(memberKey(id, ownerId), { guild_id: id, user_id: ownerId, roles: [], joined_at: new Date().toISOString(), nick: null });
  ctx.dispatch('GUILD_CREATE', guildCreatePayload(ctx, id), { guildId: id });
  return guild;
}

export function createRole(ctx: EmuContext, guildId: string, input: { id?: string; name: string; permissions: bigint; mentionable?: boolean }) {
  const position = [...ctx.state.roles.values()].filter((r) => r.guild_id === guildId).length;
  const r = { ...role(guildId, input.id ?? nextSnowflake(), input.name, input.permissions, position), mentionable: input.mentionable ?? false };
  ctx.state.roles.set(r.id, r);
  const { guild_id: _g, ...wire } = r;
  ctx.dispatch('GUILD_ROLE_CREATE', { guild_id: guildId, role: wire }, { guildId });
  return r;
}

export type ChannelKind = 'text' | 'forum' | 'category';
const KIND: Record<ChannelKind, ChannelType> = { text: ChannelType.GuildText, forum: ChannelType.GuildForum, category: ChannelType.GuildCategory };

export interface ChannelInput {
  id?: string;
  name: string;
  type: ChannelKind;
  parentId?: string;
  topic?: string;
  permissionOverwrites?: APIOverwrite[];
  /** Forum tags by name; ids are generated. */
  tags?: string[];
}

export function createChannel(ctx: EmuContext, guildId: string, input: ChannelInput): EmuChannel {
  if (!ctx.state.guilds.has(guildId)) throw new Error(`emulator: unknown guild ${guildId}`);
  const channel: EmuChannel = {
    id: input.id ?? nextSnowflake(),
    type: KIND[input.type],
    guild_id: guildId,
    name: input.name,
    parent_id: input.parentId ?? null,
    topic: input.topic ?? null,
    last_message_id: null,
    position: [...ctx.state.channels.values()].filter((c) => c.guild_id === guildId).length,
    permission_overwrites: input.permissionOverwrites ?? [],
    ...(input.type === 'forum'
      ? { available_tags: (input.tags ?? []).map((name) => ({ id: nextSnowflake(), name, moderated: false, emoji_id: null, emoji_name: null })) }
      : {}),
  };
  ctx.state.channels.set(channel.id, channel);
  ctx.state.messages.set(channel.id, []);
  ctx.dispatch('CHANNEL_CREATE', channelPayload(ctx, channel), { guildId });
  return channel;
}

export function setChannelPermissionOverwrites(ctx: EmuContext, channelId: string, overwrites: APIOverwrite[]): void {
  const channel = ctx.state.channels.get(channelId);
  if (!channel) throw new Error(`emulator: unknown channel ${channelId}`);
  channel.permission_overwrites = overwrites;
  ctx.dispatch('CHANNEL_UPDATE', channelPayload(ctx, channel), { guildId: channel.guild_id });
}

/** An overwrite denying the bot's managed role `deny` (and allowing nothing). */
export function denyBot(ctx: EmuContext, guildId: string, deny: bigint): APIOverwrite {
  return { id: ctx.state.guilds.get(guildId)!.botRoleId, type: OverwriteType.Role, allow: '0', deny: deny.toString() };
}
