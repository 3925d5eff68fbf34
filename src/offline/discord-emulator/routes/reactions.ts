// The bot's own reactions (PUT/DELETE .../reactions/{emoji}/@me).
import { PermissionFlagsBits as P } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { DiscordApiError, ErrorCode } from '../errors.js';
import { getChannel, getMessage } from '../lookups.js';
import { isThread, requirePermissions } from '../permissions.js';
import type { Router } from '../router.js';
import type { EmuChannel, EmuMessage } from '../state.js';

/** An emoji as reaction events carry it: a custom one has its id, a Unicode one null. */
type ReactionEmoji = { id: string | null; name: string };

/** "👍" or "name:id" (custom emoji, as discord.js encodes it) -> the reactors key. */
function emojiKey(raw: string): { key: string; emoji: ReactionEmoji } {
  const [name, id] = raw.split(':');
  if (!name) throw new DiscordApiError(400, 10014, 'Unknown Emoji');
  return { key: id ? `${name}:${id}` : name, emoji: { id: id ?? null, name } };
}

export function registerReactionRoutes(router: Router, ctx: EmuContext): void {
  const template = '/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me';
  const bot = () => ctx.config.botUserId;
  /** The gateway event Discord sends when the bot's reaction is added or removed. */
  const dispatchBotReaction = (event: 'MESSAGE_REACTION_ADD' | 'MESSAGE_REACTION_REMOVE', channel: EmuChannel, message: EmuMessage, emoji: ReactionEmoji) =>
    ctx.dispatch(
      event,
      {
        user_id: bot(),
        channel_id: channel.id,
        message_id: message.id,
        emoji,
        burst: false,
        type: 0,
        ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
      },
      { guildId: channel.guild_id },
    );

  router.add('PUT', template, (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const message = getMessage(ctx, channel.id, req.params.message_id!);
    const { key, emoji } = emojiKey(req.params.emoji!);
    const existing = message.reactors[key] ?? [];
    // Adding a new reaction needs Add Reactions; joining an existing one only Read Message History.
    requirePermissions(ctx, channel, bot(), P.ReadMessageHistory | (existing.length ? 0n : P.AddReactions));
    if (isThread(channel) && channel.thread_metadata?.archived) throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
    if (!existing.includes(bot())) {
      message.reactors[key] = [...existing, bot()];
      dispatchBotReaction('MESSAGE_REACTION_ADD', channel, message, emoji);
    }
    return { status: 204 };
  });

  router.add('DELETE', template, (req) => {
    const channel = getChannel(ctx, req.params.channel_id!);
    const message = getMessage(ctx, channel.id, req.params.message_id!);
    const { key, emoji } = emojiKey(req.params.emoji!);
    const users = message.reactors[key] ?? [];
    if (users.includes(bot())) {
      message.reactors[key] = users.filter((u) => u !== bot());
      dispatchBotReaction('MESSAGE_REACTION_REMOVE', channel, message, emoji);
    }
    return { status: 204 };
  });
}
