import { healthAndMetricsRoutes } from '../http/health-and-metrics.js';
import { httpPortFor } from '../http/http-port.js';
import { startHttpServer, type RunningHttpServer } from '../http/http-server.js';
import type { ShardState } from '../http/metrics-gauges.js';
import type { BotMetrics } from '../http/metrics-registry.js';
import { pushRoutes } from '../http/push/push-routes.js';
import { startPushWaker, type PushWaker } from '../http/push/push-wake.js';
import type { BotOptions } from './start-bot.js';

/** What the bot shows the outside: its HTTP server (health, metrics, blog push) and the push waker behind it. */
export interface BotEdge {
  http: RunningHttpServer | null;
  close(): Promise<void>;
}

/**
 * The push waker starts whenever this process serves HTTP (or is asked to wake on pushes without serving):
 * on PostgreSQL it LISTENs, so a push received by any process reaches the one holding the course's lease.
 * Closed after the drain, before the gateway: a push arriving meanwhile is refused by the closed server and
 * retried by the plugin, and the poll catches it anyway.
 */
export async function startBotEdge(input: {
  options: BotOptions;
  /** The gateway's shards now (src/discord/bot-client.ts), for /readyz and the gauges. */
  shardStates: () => ShardState[];
  owner: string;
  shards: { ids: number[]; count: number };
  metrics: BotMetrics;
  wake: (courseId: string, postId?: string) => void;
}): Promise<BotEdge> {
  const { options } = input;
  const wantsWaker = options.http !== undefined || options.pushWake === true;
  const waker: PushWaker | null = wantsWaker
    ? await startPushWaker({ databaseUrl: options.databaseUrl ?? 'file:', log: options.log, onWake: input.wake })
    : null;
  let http: RunningHttpServer | null = null;
  if (options.http) {
    const routes = [
      ...healthAndMetricsRoutes({
        shards: input.shardStates,
        db: options.db,
        databaseUrl: options.databaseUrl,
        owner: input.owner,
        clock: options.clock,
        log: options.log,
        metrics: input.metrics,
        metricsToken: options.metricsToken,
      }),
      pushRoutes({
        db: options.db,
        secrets: options.secrets,
        clock: options.clock,
        log: options.log,
        wake: (courseId, hint) => waker?.wake(courseId, hint.postId),
      }),
      ...(options.http.routes ?? []),
    ];
    http = await startHttpServer({ host: options.http.host, port: httpPortFor(options.http.port, input.shards), log: options.log, routes });
  }
  return {
    http,
    async close() {
      await http?.close();
      await waker?.close();
    },
  };
}
