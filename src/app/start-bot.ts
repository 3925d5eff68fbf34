import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { courseBlogs, type BlogSourceFactory } from '../courses/course-blogs.js';
import type { Db } from '../db/client.js';
import { configuredShards, onInteraction, onNewGatewaySession, shardStates, type BotInteraction, type ReadyClient } from '../discord/bot-client.js';
import { createDiscordClient, loginAndWait } from '../discord/create-client.js';
import { DiscordChat } from '../discord/discord-chat.js';
import { createInteractionRouter } from '../discord/interaction-router.js';
import { attachMessageEvents } from '../discord/message-events.js';
import { replyRestarting } from '../discord/restarting-reply.js';
import { courseSyncJob, type CourseSyncJob } from '../jobs/course-sync-job.js';
import { releaseHoldings } from '../jobs/release-holdings.js';
import { retentionJob } from '../jobs/retention-job.js';
import { reminderSweepJob } from '../jobs/reminder-sweep-job.js';
import { weeklyDigestJob } from '../jobs/weekly-digest-job.js';
import type { Context } from '../context.js';
import type { Job } from '../jobs/job.js';
import { startScheduler, type RunningScheduler } from '../jobs/scheduler.js';
import { readBackAfterGap } from '../sync/comments/read-back-after-gap.js';
import type { HttpRoutes, RunningHttpServer } from '../http/http-server.js';
import { countDiscordRest } from '../discord/rest-metrics.js';
import { createBotMetrics } from '../http/metrics-registry.js';
import type { SecretBox } from '../privacy/secret-box.js';
import type { Clock } from '../shared/clock.js';
import { inFlight } from '../shared/in-flight.js';
import type { Logger } from '../shared/logger.js';
import { startBotEdge } from './bot-edge.js';

export interface BotOptions {
  token: string;
  apiUrl?: string;
  db: Db;
  secrets: SecretBox;
  createBlog: BlogSourceFactory;
  clock: Clock;
  log: Logger;
  leaseSeconds?: number;
  /** Names this process in leases and health reports (host:pid by default); a random suffix keeps restarts apart. */
  instanceId?: string;
  shards?: number[];
  shardCount?: number;
  /** Off in tests that drive jobs by hand. */
  schedule?: boolean;
  /** DATABASE_URL, for /readyz (the SQLite file, pending migrations). */
  databaseUrl?: string;
  /** The HTTP server (/healthz, /readyz, /metrics and any extra routes); none when absent (HTTP_PORT=off). */
  http?: { host: string; port: number; routes?: HttpRoutes[] };
  /** METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** PUBLIC_URL: the push URL /course push shows. */
  publicUrl?: string;
  /** PUSH_POLL_MINUTES: the slowed poll while a course's blog pushes. */
  pushPollMinutes?: number;
  /** Blog push wake-ups (LISTEN/NOTIFY on PostgreSQL) without the HTTP server: a process that only syncs (tests). */
  pushWake?: boolean;
  /** Which jobs run on which schedule; production's list by default (the multi-process tests use second-scale ones). */
  jobs?: (sync: CourseSyncJob) => Job[];
}

export interface RunningBot {
  client: ReadyClient;
  ctx: Context;
  scheduler: RunningScheduler | null;
  http: RunningHttpServer | null;
  /** Runs the course sync (poll + outbox) for every held course now; used by tests and the demo. */
  syncNow(): Promise<void>;
  /** A push arrived for this course (naming a post, for a comment): sync it now if this process holds it (the push waker calls this). */
  wakeCourse(courseId: string, postId?: string): void;
  /**
   * Stops taking work (no new job runs, commands answered "restarting"), lets the effects in flight finish
   * (up to `drainMs`, 20 s by default), then releases this process's leases and effect claims so another
   * process takes its courses over at its next tick. The gateway stays connected. Safe to call twice.
   */
  drain(options?: { drainMs?: number }): Promise<void>;
  /** drain(), then closes the gateway. */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/** Composition of the running bot: client, context, event handlers, command router and jobs. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const client = createDiscordClient({ apiUrl: options.apiUrl, shards: options.shards, shardCount: options.shardCount });
  const metrics = createBotMetrics();
  countDiscordRest(client, metrics.counting);
  const owner = `${options.instanceId ?? `${hostname()}:${process.pid}`}:${randomBytes(3).toString('hex')}`;
  // The HTTP server starts before the login: /healthz answers while Discord is slow to let the bot in, and
  // /readyz says 503 until the shards are ready. A push arriving meanwhile wakes nothing (the poll catches it).
  let wakeCourse = (_courseId: string, _postId?: string): void => undefined;
  const edge = await startBotEdge({
    options,
    shardStates: () => shardStates(client),
    owner,
    shards: configuredShards(client),
    metrics,
    wake: (courseId, postId) => wakeCourse(courseId, postId),
  });
  let ready: ReadyClient;
  try {
    // Logged so start-up time can be split into ours (before this line) and the gateway handshake (after it).
    options.log.info('connecting to Discord');
    ready = await loginAndWait(client, options.token);
  } catch (error) {
    await edge.close();
    throw error;
  }
  let scheduler: RunningScheduler | null = null;
  let draining: Promise<void> | null = null;
  const sync = courseSyncJob({ pushPollMinutes: options.pushPollMinutes });
  const outboxJob: Job = { name: 'outbox', schedule: '*/10 * * * * *', recordRuns: false, run: (ctx) => sync.tick(ctx, 'drain_only') };
  // The shards this client really identified on: SHARD_IDS, or SHARDS/SHARD_COUNT set by discord.js's ShardingManager.
  const shards = { ids: [...ready.ws.shards.keys()], count: ready.options.shardCount ?? 1 };
  // Pushed runs and syncNow happen outside the scheduler: they stop on this signal, and the drain waits for them.
  const stopWork = new AbortController();
  const ctx: Context = {
    shards,
    db: options.db,
    chat: new DiscordChat(ready),
    blogFor: courseBlogs(options.db, options.secrets, options.createBlog, metrics.counting),
    clock: options.clock,
    log: options.log,
    secrets: options.secrets,
    createBlog: options.createBlog,
    config: { leaseSeconds: options.leaseSeconds ?? 60, publicUrl: options.publicUrl },
    owner,
    kickOutbox: () => scheduler?.kick('outbox'),
    metrics: metrics.counting,
    stopping: stopWork.signal,
  };
  // The command modules (and the use cases behind them) load just after READY instead of before it (issue 14's
  // start time); an interaction that arrives first waits for them.
  let router: Promise<(interaction: BotInteraction) => Promise<void>> | undefined;
  const loadRouter = () => (router ??= import('../../commands/index.js').then(({ commands }) => createInteractionRouter(commands, ctx)));
  onInteraction(client, (interaction) => {
    if (draining) return void replyRestarting(interaction).catch((error: unknown) => options.log.warn({ err: error }, 'could not send the restarting reply'));
    loadRouter()
      .then((route) => route(interaction))
      .catch((error: unknown) => options.log.error({ err: error }, 'interaction handling failed'));
  });
  // Gateway events and the start-up read-back run outside the jobs: the drain waits for them too.
  const background = inFlight();
  attachMessageEvents(client, ctx, background);
  // Replies written while no session of ours listened (the bot was down, or a session could not resume) came
  // with no event: their threads are read back, at start and after every new session.
  let sessions = 0;
  const readBack = (shardIds: number[]) =>
    background.track(
      readBackAfterGap(ctx, { shardIds, shardCount: shards.count, session: `${owner}:${(sessions += 1)}` })
        .then((threads) => threads > 0 && ctx.kickOutbox())
        .catch((error: unknown) => options.log.error({ err: error }, 'could not queue the read-back of essay threads')),
    );
  readBack(shards.ids);
  onNewGatewaySession(client, (shardId) => readBack([shardId]));
  const jobs = options.jobs?.(sync) ?? [sync, outboxJob, reminderSweepJob(), weeklyDigestJob(), retentionJob()];
  if (options.schedule !== false) scheduler = await startScheduler(jobs, ctx, { shardIds: shards.ids });
  // The context carries the stop signal already: a wake copies nothing.
  wakeCourse = (courseId, postId) => sync.wake(ctx, courseId, postId);
  const drain = (drainMs?: number) =>
    (draining ??= (async () => {
      stopWork.abort();
      await scheduler?.stop({ drainMs });
      await sync.settled();
      await background.settled();
      await releaseHoldings(ctx);
    })());
  const http = edge.http;
  options.log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, owner }, 'CourseThreads is connected');
  void loadRouter().catch((error: unknown) => options.log.error({ err: error }, 'could not load the slash commands'));
  return {
    client: ready,
    ctx,
    scheduler,
    http,
    async syncNow() {
      await sync.tick(ctx, 'poll_all_now');
    },
    wakeCourse,
    drain: (drainOptions = {}) => drain(drainOptions.drainMs),
    async stop(stopOptions = {}) {
      await drain(stopOptions.drainMs);
      await edge.close();
      await client.destroy();
      await background.settled(); // events that came in after the drain, before the gateway closed
    },
  };
}
