// Opening a DM channel (POST /users/@me/channels). Opening works even when the user's DMs are
// closed; it is the send that fails with 50007, as on Discord.
import { ChannelType } from 'discord-api-types/v10';
import type { EmuContext } from '../context.js';
import { ErrorCode, notFound } from '../errors.js';
import type { Router } from '../router.js';
import { channelPayload } from '../serializers.js';
import { nextSnowflake } from '../snowflake.js';
import { validateBody } from '../spec-validation.js';
import type { EmuChannel } from '../state.js';

export function openDm(ctx: EmuContext, userId: string): EmuChannel {
  const bot = ctx.config.botUserId;
  for (const c of ctx.state.channels.values()) {
    if (c.type === ChannelType.DM && c.recipient_ids?.includes(userId) && c.recipient_ids.includes(bot)) return c;
  }
  const channel: EmuChannel = {
    id: nextSnowflake(),
    type: ChannelType.DM,
    position: 0,
    permission_overwrites: [],
    recipient_ids: [bot, userId],
    last_message_id: null,
  };
  ctx.state.channels.set(channel.id, channel);
  ctx.state.messages.set(channel.id, []);
  return channel;
}

export function registerDmRoutes(router: Router, ctx: EmuContext): void {
  router.add('POST', '/users/@me/channels', (req) => {
    validateBody('openDm', req.body);
    const userId = req.body?.recipient_id as string;
    if (!ctx.state.users.has(userId)) throw notFound(ErrorCode.UnknownUser, 'User');
    return { status: 200, body: channelPayload(ctx, openDm(ctx, userId)), schema: 'privateChannel' };
  });
}
