import type { ChildProcess } from 'node:child_process';
import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../shared/logger.js';
import type { ShardSettings } from '../sharding/shard-settings.js';

export interface ShardManagerOptions extends ShardSettings {
  /** The bot entry each shard process runs (src/main.ts). */
  file: string;
  token: string;
  /** Node arguments for each shard process, e.g. ['--import', 'tsx'] to run TypeScript. */
  execArgv?: string[];
  /** Environment variables to drop from the children (e.g. SHARD_IDS, which is this machine's list, not theirs). */
  dropEnv?: string[];
  /** Extra environment for the children (they inherit this process's environment otherwise). */
  childEnv?: Record<string, string>;
  /** Pause between two shard starts; Discord allows max_concurrency identifies per 5 s. Default 5.5 s. */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready. Default 60 s. */
  readyTimeoutMs?: number;
  /** A shard process that dies is started again (default true): its guilds stay served. */
  respawn?: boolean;
  log: Logger;
}

export interface RunningShards {
  manager: ShardingManager;
  /** OS process ids by shard id (changes when a shard is respawned). */
  pids(): Map<number, number>;
  /** Stops every shard process politely (SIGTERM: each bot drains its jobs and gives up its leases). */
  stop(): Promise<void>;
}

/**
 * discord.js's ShardingManager with one process per shard, each running the whole bot (gateway for its
 * shard, jobs by lease). Shards never talk to each other: work that crosses guilds goes through the
 * database, so the same code runs with one process, one per shard, or shards on several machines.
 */
export async function startShards(options: ShardManagerOptions): Promise<RunningShards> {
  const manager = new ShardingManager(options.file, {
    token: options.token,
    totalShards: options.totalShards,
    shardList: options.shardList,
    mode: 'process',
    respawn: options.respawn ?? true,
    execArgv: options.execArgv ?? [],
  });
  const log = options.log;
  manager.on('shardCreate', (shard: Shard) => {
    const env = shard.env as Record<string, unknown>;
    for (const name of options.dropEnv ?? []) delete env[name];
    Object.assign(env, options.childEnv ?? {});
    const at = { shard: shard.id, total: manager.totalShards };
    shard.on('spawn', (child) => log.info({ ...at, pid: (child as ChildProcess).pid }, 'shard process started'));
    shard.on('ready', () => log.info(at, 'shard ready'));
    shard.on('disconnect', () => log.warn(at, 'shard disconnected from the gateway'));
    shard.on('reconnecting', () => log.warn(at, 'shard reconnecting'));
    shard.on('death', (child) =>
      log.error({ ...at, exitCode: (child as ChildProcess).exitCode }, manager.respawn ? 'shard process died; starting it again' : 'shard process died'),
    );
    shard.on('error', (err) => log.error({ ...at, err }, 'shard error'));
  });
  await manager.spawn({ delay: options.spawnDelayMs ?? 5_500, timeout: options.readyTimeoutMs ?? 60_000 });
  return {
    manager,
    pids: () => new Map([...manager.shards.values()].flatMap((s) => (s.process?.pid ? [[s.id, s.process.pid] as [number, number]] : []))),
    async stop() {
      const exits = [...manager.shards.values()].map((s) =>
        s.process && s.process.exitCode === null ? new Promise((r) => s.process!.once('exit', r)) : Promise.resolve(),
      );
      for (const shard of manager.shards.values()) shard.kill();
      await Promise.all(exits);
    },
  };
}
