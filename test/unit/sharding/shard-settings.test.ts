import { describe, expect, it } from 'vitest';
import { shardForGuild } from '../../../src/sharding/guild-shard.js';
import { resolveShardSettings, shardsForMachine, ShardSettingsError } from '../../../src/sharding/shard-settings.js';

describe('shard settings', () => {
  it("runs every shard of Discord's recommended count when nothing is set", () => {
    expect(resolveShardSettings({})).toEqual({ totalShards: 'auto', shardList: 'auto' });
    expect(resolveShardSettings({ shardCount: 4 })).toEqual({ totalShards: 4, shardList: 'auto' });
  });

  it('runs only the listed shards of a fixed total (several machines), sorted', () => {
    expect(resolveShardSettings({ shardCount: 8, shardIds: [6, 2, 4] })).toEqual({ totalShards: 8, shardList: [2, 4, 6] });
  });

  it('refuses a shard list without a total, ids outside it, and repeats', () => {
    expect(() => resolveShardSettings({ shardIds: [0, 1] })).toThrow(ShardSettingsError);
    expect(() => resolveShardSettings({ shardCount: 2, shardIds: [1, 2] })).toThrow(/SHARD_IDS 2 not below SHARD_COUNT 2/);
    expect(() => resolveShardSettings({ shardCount: 4, shardIds: [1, 1] })).toThrow(/twice/);
  });

  it('splits shards between machines without overlap or gap', () => {
    const machines = [0, 1, 2].map((m) => shardsForMachine(8, 3, m));
    expect(machines).toEqual([
      [0, 3, 6],
      [1, 4, 7],
      [2, 5],
    ]);
    expect(machines.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('puts a guild on the shard Discord computes: (id >> 22) % count', () => {
    // 41771983423143937 >> 22 = 9959216934 (the id's millisecond timestamp since the Discord epoch).
    expect(shardForGuild('41771983423143937', 1)).toBe(0);
    expect(shardForGuild('41771983423143937', 2)).toBe(0);
    expect(shardForGuild('41771983423143937', 7)).toBe(9959216934 % 7);
    expect(shardForGuild('41771983427338241', 2)).toBe(1); // one millisecond later
  });
});
