// The emulator's world: plain maps that tests read directly (emu.state) and handlers mutate.
// Shapes follow discord-api-types so serializing to the wire is a pick-and-strip, not a translation.
import type { APIApplicationCommand, APIAttachment, APIGuildForumTag, APIMessage, APIOverwrite, APIRole, APIUser, ChannelType } from 'discord-api-types/v10';

export interface EmuGuild {
  id: string;
  name: string;
  owner_id: string;
  /** The bot's managed role, so a test can deny the bot something with an overwrite on it. */
  botRoleId: string;
}

export interface EmuMember {
  guild_id: string;
  user_id: string;
  roles: string[];
  joined_at: string;
  nick: string | null;
}

export interface EmuThreadMetadata {
  archived: boolean;
  locked: boolean;
  auto_archive_duration: 60 | 1440 | 4320 | 10080;
  archive_timestamp: string;
  create_timestamp: string;
}

export interface EmuChannel {
  id: string;
  type: ChannelType;
  guild_id?: string;
  name?: string;
  parent_id?: string | null;
  position: number;
  topic?: string | null;
  permission_overwrites: APIOverwrite[];
  last_message_id?: string | null;
  // threads
  owner_id?: string;
  thread_metadata?: EmuThreadMetadata;
  applied_tags?: string[];
  message_count?: number;
  // forums
  available_tags?: APIGuildForumTag[];
  // DM channels
  recipient_ids?: string[];
}

export interface EmuAttachment extends APIAttachment {
  /** Bytes as uploaded, kept so a test can compare them. */
  data?: Buffer;
}

export interface AllowedMentions {
  parse?: ('users' | 'roles' | 'everyone')[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

/** Who Discord would actually notify for a message, given its content and allowed_mentions. */
export interface Pinged {
  users: string[];
  roles: string[];
  everyone: boolean;
}

export interface EmuMessage extends Omit<APIMessage, 'attachments'> {
  guild_id?: string;
  attachments: EmuAttachment[];
  allowed_mentions?: AllowedMentions;
  pinged: Pinged;
  /** Users per reaction key (emoji name or name:id), to compute counts and `me`. */
  reactors: Record<string, string[]>;
  deleted?: boolean;
  /** Ephemeral interaction replies are kept out of channel history, as on Discord. */
  ephemeral?: boolean;
  createdAtMs: number;
}

export interface EmuWebhook {
  id: string;
  token: string;
  type: 1;
  channel_id: string;
  guild_id: string;
  name: string;
  avatar: string | null;
  application_id: string;
  creator_id: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Route template such as /channels/{channel_id}/messages, or the raw path when unknown. */
  route: string;
  known: boolean;
  query: Record<string, string>;
  status: number;
  body: unknown;
  files: { filename: string; size: number }[];
  /** Body keys the official schema does not know (Discord ignores them silently; likely a typo). */
  unknownKeys: string[];
  response?: unknown;
  /** Where the emulator's own answer departs from the spec's response schema (an emulator bug). */
  responseIssues: string[];
  at: number;
}

export interface EmulatorState {
  users: Map<string, APIUser>;
  guilds: Map<string, EmuGuild>;
  roles: Map<string, APIRole & { guild_id: string }>;
  members: Map<string, EmuMember>;
  /** Guild channels, threads and DM channels. */
  channels: Map<string, EmuChannel>;
  /** Per channel id, in creation order; deleted ones stay with deleted: true. */
  messages: Map<string, EmuMessage[]>;
  webhooks: Map<string, EmuWebhook>;
  commands: { global: APIApplicationCommand[]; guilds: Map<string, APIApplicationCommand[]> };
  requests: RequestLogEntry[];
  dmClosed: Set<string>;
  /** Every uploaded attachment by id, served at GET /attachments/{channel}/{id}/{filename}. */
  uploads: Map<string, EmuAttachment>;
}

export function createState(): EmulatorState {
  return {
    users: new Map(),
    guilds: new Map(),
    roles: new Map(),
    members: new Map(),
    channels: new Map(),
    messages: new Map(),
    webhooks: new Map(),
    commands: { global: [], guilds: new Map() },
    requests: [],
    dmClosed: new Set(),
    uploads: new Map(),
  };
}

export const memberKey = (guildId: string, userId: string) => `${guildId}:${userId}`;

export function findMessage(state: EmulatorState, channelId: string, messageId: string): EmuMessage | undefined {
  return state.messages.get(channelId)?.find((m) => m.id === messageId && !m.deleted);
}
