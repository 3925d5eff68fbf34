// Discord's permission algorithm: @everyone + member roles at guild level, then the channel's
// overwrites (@everyone, roles, member). Threads inherit their parent's overwrites.
import { ChannelType, OverwriteType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { missingAccess, missingPermissions } from './errors.js';
import { memberKey, type EmuChannel } from './state.js';

const ALL = (1n << 53n) - 1n;

/** What a fresh server grants @everyone (Discord's defaults that matter to a bot). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.AddReactions |
  P.AttachFiles |
  P.EmbedLinks |
  P.ReadMessageHistory |
  P.UseApplicationCommands |
  P.Connect |
  P.Speak;

/** The bot's managed role: what its invite link would ask for. */
export const DEFAULT_BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | P.ManageThreads | P.ManageWebhooks | P.ManageMessages | P.CreatePrivateThreads;

export function isThread(channel: EmuChannel): boolean {
  return channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread || channel.type === ChannelType.AnnouncementThread;
}

export function guildPermissions(ctx: EmuContext, guildId: string, userId: string): bigint {
  const guild = ctx.state.guilds.get(guildId);
  const member = ctx.state.members.get(memberKey(guildId, userId));
  if (!guild || !member) return 0n;
  if (guild.owner_id === userId) return ALL;
  let perms = BigInt(ctx.state.roles.get(guildId)?.permissions ?? '0');
  for (const roleId of member.roles) perms |= BigInt(ctx.state.roles.get(roleId)?.permissions ?? '0');
  return perms & P.Administrator ? ALL : perms;
}

export function channelPermissions(ctx: EmuContext, channel: EmuChannel, userId: string): bigint {
  if (!channel.guild_id) return channel.recipient_ids?.includes(userId) || userId === ctx.config.botUserId ? ALL : 0n;
  const base = guildPermissions(ctx, channel.guild_id, userId);
  if (base === ALL) return ALL;
  const source = isThread(channel) && channel.parent_id ? (ctx.state.channels.get(channel.parent_id) ?? channel) : channel;
  const overwrites = source.permission_overwrites;
  const member = ctx.state.members.get(memberKey(channel.guild_id, userId));
  let perms = base;
  const apply = (o: { allow: string; deny: string } | undefined) => {
    if (o) perms = (perms & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(overwrites.find((o) => o.id === channel.guild_id));
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && o.id !== channel.guild_id && member?.roles.includes(o.id)) {
      roleAllow |= BigInt(o.allow);
      roleDeny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~roleDeny) | roleAllow;
  apply(overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId));
  // Without View Channel nothing else in the channel applies.
  return perms & P.ViewChannel ? perms : 0n;
}

/** Throws 50001 when the user cannot see the channel, 50013 when a required permission is missing. */
export function requirePermissions(ctx: EmuContext, channel: EmuChannel, userId: string, required: bigint): void {
  const perms = channelPermissions(ctx, channel, userId);
  if (!(perms & P.ViewChannel)) throw missingAccess();
  if ((perms & required) !== required) throw missingPermissions();
}

export function hasPermission(ctx: EmuContext, channel: EmuChannel, userId: string, flag: bigint): boolean {
  return (channelPermissions(ctx, channel, userId) & flag) === flag;
}
