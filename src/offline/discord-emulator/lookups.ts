// Finders that fail the way Discord does (10003, 10008, 10004...).
import type { EmuContext } from './context.js';
import { ErrorCode, notFound } from './errors.js';
import { findMessage, type EmuChannel, type EmuMessage } from './state.js';

export function getChannel(ctx: EmuContext, id: string): EmuChannel {
  const channel = ctx.state.channels.get(id);
  if (!channel) throw notFound(ErrorCode.UnknownChannel, 'Channel');
  return channel;
}

export function getMessage(ctx: EmuContext, channelId: string, messageId: string): EmuMessage {
  const message = findMessage(ctx.state, channelId, messageId);
  if (!message) throw notFound(ErrorCode.UnknownMessage, 'Message');
  return message;
}

export function getGuild(ctx: EmuContext, id: string) {
  const guild = ctx.state.guilds.get(id);
  if (!guild) throw notFound(ErrorCode.UnknownGuild, 'Guild');
  return guild;
}

/** Messages a client can see in a channel: not deleted, not ephemeral, newest first (as Discord lists them). */
export function visibleMessages(ctx: EmuContext, channelId: string): EmuMessage[] {
  return (ctx.state.messages.get(channelId) ?? []).filter((m) => !m.deleted && !m.ephemeral).reverse();
}
