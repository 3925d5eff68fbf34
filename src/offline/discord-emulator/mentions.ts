// Who a message would notify. Discord parses <@id>, <@&id>, @everyone/@here from content and then
// filters them through allowed_mentions; replies ping the replied-to author unless replied_user is false.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { EmuContext } from './context.js';
import { hasPermission } from './permissions.js';
import type { AllowedMentions, EmuChannel, Pinged } from './state.js';

export interface MentionInput {
  content: string;
  allowedMentions?: AllowedMentions;
  authorId: string;
  channel: EmuChannel;
  repliedUserId?: string;
}

export function computePinged(ctx: EmuContext, input: MentionInput): Pinged {
  const { content, allowedMentions: am, authorId, channel } = input;
  const mentionedUsers = unique([...content.matchAll(/<@!?(\d{15,21})>/g)].map((m) => m[1]!));
  const mentionedRoles = unique([...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1]!));
  const saysEveryone = /@(everyone|here)/.test(content);
  const canEveryone = hasPermission(ctx, channel, authorId, PermissionFlagsBits.MentionEveryone);

  let users = mentionedUsers;
  let roles = mentionedRoles.filter((id) => ctx.state.roles.get(id)?.mentionable || canEveryone);
  let everyone = saysEveryone && canEveryone;
  let replied = input.repliedUserId !== undefined;
  if (am) {
    const parse = am.parse ?? [];
    users = parse.includes('users') ? users : users.filter((id) => am.users?.includes(id));
    roles = parse.includes('roles') ? roles : roles.filter((id) => am.roles?.includes(id));
    everyone = everyone && parse.includes('everyone');
    replied = replied && am.replied_user === true;
  }
  if (replied && input.repliedUserId) users = unique([...users, input.repliedUserId]);
  return { users: users.filter((id) => id !== authorId), roles, everyone };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
