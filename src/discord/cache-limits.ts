import { Options, type ClientOptions, type GuildMember, type User } from 'discord.js';

// What discord.js keeps in memory, cut to what the bot reads back (issue 14). Checked against the code:
// - channels, threads, roles and permission overwrites: read on every event and permission check (and
//   discord.js drops a message for a thread it does not know), so they stay unlimited;
// - messages: never read from the cache (edits and deletions arrive as partials and are fetched when
//   needed; thread history is fetched by REST), so none are kept instead of 200 per channel;
// - members and users: read only while an event is handled (message.member for the author's server
//   name, mentions), so a small window of the latest is kept, the bot's own member always, and the
//   rest is swept every hour;
// - presences, reactions, emojis, stickers, voice states, invites, bans, thread members, scheduled
//   events, automod rules, stage instances: never read, never kept.
const MEMBERS_KEPT_PER_GUILD = 100;
const USERS_KEPT = 500;
const SWEEP_EVERY_SECONDS = 3_600;

const isBotMember = (member: GuildMember) => member.id === member.client.user?.id;
const isBotUser = (user: User) => user.id === user.client.user?.id;

export const limitedCaches: Pick<ClientOptions, 'makeCache' | 'sweepers'> = {
  makeCache: Options.cacheWithLimits({
    MessageManager: 0,
    GuildMemberManager: { maxSize: MEMBERS_KEPT_PER_GUILD, keepOverLimit: isBotMember },
    UserManager: { maxSize: USERS_KEPT, keepOverLimit: isBotUser },
    ThreadMemberManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    GuildEmojiManager: 0,
    BaseGuildEmojiManager: 0,
    GuildStickerManager: 0,
    VoiceStateManager: 0,
    GuildInviteManager: 0,
    GuildBanManager: 0,
    GuildScheduledEventManager: 0,
    AutoModerationRuleManager: 0,
    StageInstanceManager: 0,
    ApplicationCommandManager: 0,
  }),
  sweepers: {
    ...Options.DefaultSweeperSettings, // archived threads leave the cache 4 h after archiving
    guildMembers: { interval: SWEEP_EVERY_SECONDS, filter: () => (member) => !isBotMember(member) },
    users: { interval: SWEEP_EVERY_SECONDS, filter: () => (user) => !isBotUser(user) },
  },
};
