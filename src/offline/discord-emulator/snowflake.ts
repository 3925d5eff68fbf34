// Discord ids: milliseconds since the Discord epoch in the top bits, a counter below.
// Real-looking ids matter because discord.js derives createdTimestamp from them and
// the gateway assigns guilds to shards by (id >> 22) % shardCount.
const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

export function nextSnowflake(now = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(now) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** The shard a guild belongs to, as Discord computes it. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh guild id that lands on the given shard (for sharding tests). */
export function snowflakeForShard(shardId: number, shardCount: number): string {
  if (shardId < 0 || shardId >= shardCount) throw new Error(`shard ${shardId} is outside 0..${shardCount - 1}`);
  let ts = BigInt(Date.now()) - DISCORD_EPOCH;
  while (Number(ts % BigInt(shardCount)) !== shardId) ts += 1n;
  counter = (counter + 1n) & 0xfffn;
  return ((ts << 22n) | counter).toString();
}
