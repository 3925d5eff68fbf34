// `npm run start:shards` (compiled, dist/scripts/shard-manager.js; `start:shards:dev` under tsx): runs the bot
// with discord.js's ShardingManager, one process per shard, each running main.js (main.ts under tsx) (gateway for its shard + jobs by lease on the shared PostgreSQL).
//   SHARD_COUNT=8            total shards across all machines (omit for Discord's recommendation: 'auto')
//   SHARD_IDS=0,1,2,3        the shards THIS machine runs (omit for all); needs SHARD_COUNT
//   SHARD_SPAWN_DELAY_MS     pause between shard starts (default 5500: Discord's identify rate, max_concurrency 1)
// Migrations run once here before any shard starts (each shard would run them too; they are a no-op then).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, missingForDiscord } from '../src/config.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { startShards } from '../src/discord/shard-manager.js';
import { resolveShardSettings, ShardSettingsError } from '../src/sharding/shard-settings.js';
import { createLogger } from '../src/shared/logger.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled, the shards run the bundled bot (dist/bot/main.js, what `npm start` runs) on plain Node with the
// Node flags this manager was started with (`npm run start:shards` passes npm start's); under tsx, src/main.ts through tsx.
const compiled = import.meta.url.endsWith('.js');

async function run(): Promise<void> {
  const config = loadConfig();
  const missing = missingForDiscord(config);
  if (missing.length > 0) throw new ConfigError(missing);
  const log = createLogger(config.logLevel).child({ role: 'shard-manager' });
  const settings = resolveShardSettings({ shardCount: config.shardCount, shardIds: config.shardIds });
  await migrateDatabase(config.databaseUrl);
  const spawnDelay = Number(process.env.SHARD_SPAWN_DELAY_MS ?? '5500');
  const shards = await startShards({
    ...settings,
    file: compiled ? path.join(here, '..', 'bot', 'main.js') : path.join(here, '..', 'src', 'main.ts'),
    execArgv: compiled ? process.execArgv : ['--import', 'tsx'],
    token: config.discordToken!,
    // SHARD_IDS is this machine's list; each child gets its own id from the manager (SHARDS).
    dropEnv: ['SHARD_IDS'],
    spawnDelayMs: spawnDelay,
    log,
  });
  log.info({ totalShards: shards.manager.totalShards, shards: [...shards.pids()] }, 'all shards started');
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping every shard');
    await shards.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

run().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ShardSettingsError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`shard manager stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
