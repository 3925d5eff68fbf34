import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The one place that reads the environment (and the optional JSON config file it names).
// Every problem is collected and reported together, with what to set; secrets are never echoed.

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');
const base64Key = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)');

// A bare host name or IP address: the allowance is per host, never per URL or port.
const allowedHost = z
  .string()
  .trim()
  .regex(
    /^(\[[0-9a-f:.]+\]|[0-9a-f:]+:[0-9a-f:.]*|[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.?)$/i,
    'list host names or IP addresses separated by commas, e.g. blog.campus.example,10.20.0.5 (no http://, port or path)',
  );

const httpPortHelp = 'must be a port number from 0 to 65535 (e.g. 8787), or off to run without the HTTP server';

const configSchema = z.object({
  discordToken: z.string().min(50, 'looks too short for a bot token').optional(),
  discordApplicationId: snowflake.optional(),
  /** Only for tests and the demo: where discord.js sends REST calls (the emulator). */
  discordApiUrl: z.url().optional(),
  databaseUrl: z
    .string()
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), 'must start with file: (SQLite) or postgresql://')
    .default('file:./data/coursethreads.db'),
  logLevel: z.enum(logLevels).default('info'),
  /** Encryption keys for blog credentials, by version; the highest version encrypts new secrets. */
  secretKeys: z.record(z.string().regex(/^\d+$/), base64Key).default({}),
  /** Where the bot registers commands for instant updates while developing (global otherwise). */
  devGuildId: snowflake.optional(),
  shardCount: z.coerce.number().int().min(1).optional(),
  shardIds: z.array(z.coerce.number().int().min(0)).optional(),
  instanceId: z.string().min(1).optional(),
  leaseSeconds: z.coerce.number().int().min(5).max(3600).default(60),
  /** On SIGTERM, how long effects already under way may take to finish before the process exits anyway. */
  shutdownDrainSeconds: z.coerce
    .number({ message: 'must be a number of seconds, e.g. 20' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .max(600, "must be at most 600 (keep systemd's TimeoutStopSec above it)")
    .default(20),
  /** Blog hosts the bot may reach on private, loopback or link-local addresses (an on-campus blog). */
  blogAllowedHosts: z.array(allowedHost).default([]),
  /** Largest blog response the bot reads, counted after decompression. */
  blogMaxResponseBytes: z.coerce
    .number({ message: 'must be a number of bytes, e.g. 10485760 for 10 MiB' })
    .int('must be a whole number of bytes')
    .min(65_536, 'must be at least 65536 (64 KiB)')
    .default(10 * 1024 * 1024),
  /** Where the health and metrics server listens: this machine only by default. */
  httpHost: z
    .string()
    .trim()
    .regex(
      /^([0-9.]+|[0-9a-f:]+|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/i,
      'must be an address to listen on, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface); no http:// or port',
    )
    .default('127.0.0.1'),
  httpPort: z
    .union([z.literal('off'), z.coerce.number().int(httpPortHelp).min(0, httpPortHelp).max(65_535, httpPortHelp)], { error: httpPortHelp })
    .default(8787),
  /** The bot's address as the blog reaches it (the push URL shown by /course push), e.g. https://bot.campus.example */
  publicUrl: z.url('must be the bot’s address as the blog reaches it, e.g. https://bot.campus.example').optional(),
  /** When set, /metrics answers only `Authorization: Bearer <token>` (the scraper's credentials); /healthz and /readyz stay open. */
  metricsToken: z.string().trim().min(16, 'must be at least 16 characters; make one with `openssl rand -hex 32` and give the same to the scraper').optional(),
  /** While the blog pushes changes, a course is polled only this often (the safety net); normal again once pushes stop. */
  pushPollMinutes: z.coerce
    .number({ message: 'must be a number of minutes, e.g. 15' })
    .int('must be whole minutes')
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440 (a day)')
    .default(15),
});

export type Config = z.infer<typeof configSchema>;

/** Which environment variable fills each setting: used for reading and for error messages. */
const envNames: Record<keyof Config, string> = {
  discordToken: 'DISCORD_TOKEN',
  discordApplicationId: 'DISCORD_APPLICATION_ID',
  discordApiUrl: 'DISCORD_API_URL',
  databaseUrl: 'DATABASE_URL',
  logLevel: 'LOG_LEVEL',
  secretKeys: 'COURSETHREADS_SECRET_KEYS',
  devGuildId: 'DISCORD_DEV_GUILD_ID',
  shardCount: 'SHARD_COUNT',
  shardIds: 'SHARD_IDS',
  instanceId: 'INSTANCE_ID',
  leaseSeconds: 'LEASE_SECONDS',
  shutdownDrainSeconds: 'SHUTDOWN_DRAIN_SECONDS',
  blogAllowedHosts: 'BLOG_ALLOWED_HOSTS',
  blogMaxResponseBytes: 'BLOG_MAX_RESPONSE_BYTES',
  httpHost: 'HTTP_HOST',
  httpPort: 'HTTP_PORT',
  publicUrl: 'PUBLIC_URL',
  pushPollMinutes: 'PUSH_POLL_MINUTES',
  metricsToken: 'METRICS_TOKEN',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`CourseThreads cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** COURSETHREADS_SECRET_KEYS="1:base64key,2:base64key" */
function parseKeyList(raw: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    keys[at > 0 ? part.slice(0, at) : 'invalid'] = at > 0 ? part.slice(at + 1) : part;
  }
  return keys;
}

function fromEnv(env: Env): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (key === 'secretKeys') raw[key] = parseKeyList(value);
    else if (key === 'shardIds') raw[key] = value.split(',').map((v) => v.trim());
    else if (key === 'blogAllowedHosts')
      raw[key] = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    else raw[key] = value;
  }
  return raw;
}

function fromFile(path: string): Record<string, unknown> {
  try {
    return z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ConfigError([`COURSETHREADS_CONFIG=${path}: cannot read it as a JSON object (${(error as Error).message})`]);
  }
}

/** Parses settings from a JSON file (COURSETHREADS_CONFIG) overlaid by the environment. */
export function loadConfig(env: Env = process.env): Config {
  const file = env.COURSETHREADS_CONFIG ? fromFile(env.COURSETHREADS_CONFIG) : {};
  const result = configSchema.safeParse({ ...file, ...fromEnv(env) });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '') as keyof Config;
    const name = envNames[key] ?? key;
    // Never echo the received value: it may be a token or a key.
    return `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** What `npm start` needs beyond the defaults; an empty list means the bot can connect to Discord. */
export function missingForDiscord(config: Config): string[] {
  const missing: string[] = [];
  if (!config.discordToken) missing.push('DISCORD_TOKEN: the bot token (Discord Developer Portal > your application > Bot > Reset Token)');
  if (!config.discordApplicationId) missing.push('DISCORD_APPLICATION_ID: the Application ID (General Information page)');
  if (Object.keys(config.secretKeys).length === 0)
    missing.push('COURSETHREADS_SECRET_KEYS: "1:<32 random bytes in base64>" to encrypt blog credentials (openssl rand -base64 32)');
  return missing;
}
