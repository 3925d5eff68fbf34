// Which shards this machine runs, from the two settings an operator gives (SHARD_COUNT, SHARD_IDS).
// Pure, so the rules are unit-tested: discord.js's ShardingManager silently replaces a shard list by
// "all shards" when the total is 'auto' or differs, which would make two machines run the same shards.

export interface ShardSettings {
  /** Total shards across every machine, or 'auto' (Discord's recommendation from GET /gateway/bot). */
  totalShards: number | 'auto';
  /** Shard ids this machine runs, one process each, or 'auto' (all of them). */
  shardList: number[] | 'auto';
}

export class ShardSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardSettingsError';
  }
}

export function resolveShardSettings(input: { shardCount?: number; shardIds?: number[] }): ShardSettings {
  const { shardCount, shardIds } = input;
  if (shardIds && shardIds.length > 0) {
    if (shardCount === undefined) {
      throw new ShardSettingsError('SHARD_IDS needs SHARD_COUNT: the total number of shards across all machines (every machine must use the same total)');
    }
    const outside = shardIds.filter((id) => id >= shardCount);
    if (outside.length > 0)
      throw new ShardSettingsError(`SHARD_IDS ${outside.join(',')} not below SHARD_COUNT ${shardCount} (shard ids run from 0 to SHARD_COUNT-1)`);
    const unique = [...new Set(shardIds)].sort((a, b) => a - b);
    if (unique.length !== shardIds.length) throw new ShardSettingsError('SHARD_IDS lists a shard twice');
    return { totalShards: shardCount, shardList: unique };
  }
  return { totalShards: shardCount ?? 'auto', shardList: 'auto' };
}

/** Shards a machine runs when `machines` machines split `totalShards` evenly: machine i gets ids i, i+m, ... */
export function shardsForMachine(totalShards: number, machines: number, machine: number): number[] {
  if (machine < 0 || machine >= machines) throw new ShardSettingsError(`machine ${machine} is outside 0..${machines - 1}`);
  return Array.from({ length: totalShards }, (_, id) => id).filter((id) => id % machines === machine);
}
