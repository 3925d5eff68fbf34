// Channels and guild reads: GET/PATCH channel (thread rename/archive/lock), guild, channels, roles,
// members, active threads and archived public threads.
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, ErrorCode, missingPermissions, notFound } from '../errors.js';
import { checkThreadName } from '../limits.js';
import { getChannel, getGuild } from '../lookups.js';
import { channelPermissions, isThread, requirePermissions } from '../permissions.js';
import type { Router } from '../router.js';
import { activeThreads, channelPayload, guildChannels, guildPayload, memberPayload, rolesOf, threadPayload } from '../serializers.js';
import { memberKey } from '../state.js';
import { unknownKeys, validateBody } from '../spec-validation.js';
import { updateThread, type ThreadPatch } from '../threads-core.js';

export function registerChannelRoutes(router: Router, ctx: EmuContext): void {
  const bot = () => ctx.config.botUserId;

  router.add('GET', '/channels/{channel_id}', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    if (channel.guild_id) requirePermissions(ctx, channel, bot(), P.ViewChannel);
    return { status: 200, body: channelPayload(ctx, channel), schema: isThread(channel) ? 'thread' : channel.guild_id ? 'guildChannel' : 'privateChannel' };
  });

  router.add('PATCH', '/channels/{channel_id}', (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const body = (req.body ?? {}) as ThreadPatch & { topic?: string };
    if (!isThread(channel)) {
      // Only thread edits are emulated; editing a channel needs Manage Channels.
      requirePermissions(ctx, channel, bot(), P.ManageChannels);
      if (typeof body.name === 'string') channel.name = body.name;
      if (typeof body.topic === 'string') channel.topic = body.topic;
      ctx.dispatch('CHANNEL_UPDATE', channelPayload(ctx, channel), { guildId: channel.guild_id });
      return { status: 200, body: channelPayload(ctx, channel), schema: 'guildChannel' };
    }
    validateBody('threadUpdate', body);
    req.unknownKeys.push(...unknownKeys('threadUpdate', body));
    if (body.name !== undefined) checkThreadName(body.name);
    if (!(channelPermissions(ctx, channel, bot()) & P.ViewChannel)) throw missingPermissions();
    // Any change other than unarchiving is refused while the thread stays archived.
    const onlyUnarchive = Object.keys(body).every((k) => k === 'archived' || k === 'locked');
    if (channel.thread_metadata?.archived && body.archived !== false && !onlyUnarchive) {
      throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
    }
    updateThread(ctx, channel, body, bot());
    return { status: 200, body: threadPayload(channel), schema: 'thread' };
  });

  router.add('GET', '/guilds/{guild_id}', (req) => ({ status: 200, body: guildPayload(ctx, getGuild(ctx, req.params.guild_id!).id), schema: 'guild' }));
  router.add('GET', '/guilds/{guild_id}/channels', (req) => ({
    status: 200,
    body: guildChannels(ctx, getGuild(ctx, req.params.guild_id!).id).map((c) => channelPayload(ctx, c)),
    schema: 'guildChannel',
  }));
  router.add('GET', '/guilds/{guild_id}/roles', (req) => ({ status: 200, body: rolesOf(ctx, getGuild(ctx, req.params.guild_id!).id), schema: 'role' }));
  // Discord's member search: members whose username or nickname starts with `query` (case-insensitive), up to `limit` (default 1).
  router.add('GET', '/guilds/{guild_id}/members/search', (req) => {
    const guild = getGuild(ctx, req.params.guild_id!);
    const query = (req.query.get('query') ?? '').toLowerCase();
    const limit = Math.min(1000, Math.max(1, Number(req.query.get('limit') ?? 1)));
    const found = [...ctx.state.members.values()].filter(
      (m) => m.guild_id === guild.id && [ctx.state.users.get(m.user_id)?.username, m.nick].some((n) => n?.toLowerCase().startsWith(query)),
    );
    return { status: 200, body: found.slice(0, limit).map((m) => memberPayload(ctx, guild.id, m.user_id)), schema: 'member' };
  });
  router.add('GET', '/guilds/{guild_id}/members/{user_id}', (req) => {
    const guild = getGuild(ctx, req.params.guild_id!);
    if (!ctx.state.members.has(memberKey(guild.id, req.params.user_id!))) throw notFound(ErrorCode.UnknownMember, 'Member');
    return { status: 200, body: memberPayload(ctx, guild.id, req.params.user_id!), schema: 'member' };
  });

  router.add('GET', '/guilds/{guild_id}/threads/active', (req) => {
    const guild = getGuild(ctx, req.params.guild_id!);
    const threads = activeThreads(ctx, guild.id).filter((t) => channelPermissions(ctx, t, bot()) & P.ViewChannel);
    return { status: 200, body: { threads: threads.map(threadPayload), members: [], has_more: false }, schema: 'threads' };
  });

  router.add('GET', '/channels/{channel_id}/threads/archived/public', (req) => {
    const parent = getChannel(ctx, req.params.channel_id!);
    requirePermissions(ctx, parent, bot(), P.ViewChannel | P.ReadMessageHistory);
    const before = req.query.get('before');
    const limit = Number(req.query.get('limit') ?? 50);
    const all = [...ctx.state.channels.values()]
      .filter((c) => c.parent_id === parent.id && isThread(c) && c.thread_metadata?.archived)
      .filter((c) => !before || c.thread_metadata!.archive_timestamp < new Date(before).toISOString())
      .sort((a, b) => b.thread_metadata!.archive_timestamp.localeCompare(a.thread_metadata!.archive_timestamp));
    return { status: 200, body: { threads: all.slice(0, limit).map(threadPayload), members: [], has_more: all.length > limit }, schema: 'threads' };
  });
}
