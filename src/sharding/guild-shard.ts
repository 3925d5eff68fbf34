/** The shard Discord delivers a guild's events to: (guild_id >> 22) % shard_count (Discord's sharding formula). */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
