// Discord's documented limits for bot messages (https://discord.com/developers/docs/resources/message,
// .../channel#start-thread-in-forum-or-media-channel). Lengths are measured with String#length
// (UTF-16 units), which is never less than the code-point count Discord checks: always on the safe side.
export const DISCORD_LIMITS = {
  content: 2000,
  threadName: 100,
  embedTitle: 256,
  embedDescription: 4096,
  embedAuthorName: 256,
  embedFooterText: 2048,
  embedTotal: 6000,
} as const;
