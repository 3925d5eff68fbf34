import { stopGracefullyOnSignals } from './app/graceful-shutdown.js';
import { startBot } from './app/start-bot.js';
import { ConfigError, loadConfig, missingForDiscord } from './config.js';
import { realBlogSources } from './courses/course-blogs.js';
import { closeDb, openDb } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { checkSealedSecrets } from './privacy/check-sealed-secrets.js';
import { resealSecrets } from './privacy/reseal-secrets.js';
import { SecretBox, SecretKeyError } from './privacy/secret-box.js';
import { systemClock } from './shared/clock.js';
import { createLogger } from './shared/logger.js';

// Composition root only: config -> database -> secrets -> blog sources -> Discord client -> jobs.
async function main(): Promise<void> {
  const config = loadConfig();
  const missing = missingForDiscord(config);
  if (missing.length > 0) {
    throw new ConfigError([...missing, 'No Discord token yet? `npm run demo` runs the whole bot offline against a local Discord emulator and a sample blog.']);
  }
  const log = createLogger(config.logLevel);
  // Listening before anything starts: a SIGTERM during start-up (or right after "connected") is a clean stop, not a kill.
  const shutdown = stopGracefullyOnSignals({ log, drainMs: config.shutdownDrainSeconds * 1_000 });
  const secrets = new SecretBox(config.secretKeys);
  await migrateDatabase(config.databaseUrl, log);
  const db = await openDb(config.databaseUrl);
  // A missing or wrong key stops here, before anything runs, and the stored secrets stay untouched.
  await checkSealedSecrets(db, secrets);
  // Secrets from before they were bound to their course are re-sealed bound now; key rotation is `npm run secrets:reseal`.
  const upgraded = await resealSecrets(db, secrets, { onlyLegacy: true });
  if (upgraded.resealed > 0) log.info({ resealed: upgraded.resealed }, 'blog secrets re-sealed bound to their course');
  const bot = await startBot({
    token: config.discordToken!,
    apiUrl: config.discordApiUrl,
    db,
    secrets,
    createBlog: realBlogSources({ log, allowedHosts: config.blogAllowedHosts, maxResponseBytes: config.blogMaxResponseBytes }),
    clock: systemClock,
    log,
    leaseSeconds: config.leaseSeconds,
    instanceId: config.instanceId,
    shards: config.shardIds,
    shardCount: config.shardCount,
    databaseUrl: config.databaseUrl,
    ...(config.httpPort !== 'off' && { http: { host: config.httpHost, port: config.httpPort } }),
    publicUrl: config.publicUrl,
    metricsToken: config.metricsToken,
    pushPollMinutes: config.pushPollMinutes,
  });
  // bot.stop() closes the HTTP server (health, metrics, blog push) after the drain, then the gateway.
  shutdown.attach({ bot, closeDatabase: () => closeDb(db) });
}

main().catch((error: unknown) => {
  // Human-readable on purpose: this is what an operator sees when start-up is refused.
  if (error instanceof ConfigError || error instanceof SecretKeyError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`CourseThreads stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
