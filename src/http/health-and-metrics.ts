import { Status, type Client } from 'discord.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { readinessCheck } from './health-checks.js';
import { healthRoutes } from './health-routes.js';
import type { HttpRoutes } from './http-server.js';
import { registerScrapeGauges, type ShardState } from './metrics-gauges.js';
import type { BotMetrics } from './metrics-registry.js';
import { metricsRoutes } from './metrics-routes.js';

/** The shards this client runs, as /readyz and the gateway gauges see them. */
function shardStates(client: Client): ShardState[] {
  return [...client.ws.shards.values()].map((shard) => ({ id: shard.id, pingMs: shard.ping, ready: shard.status === Status.Ready }));
}

/** The routes a running bot offers on its HTTP server: /healthz, /readyz and /metrics. */
export function healthAndMetricsRoutes(input: { client: Client; db: Db; databaseUrl?: string; owner: string; clock: Clock; log: Logger; metrics: BotMetrics; metricsToken?: string }): HttpRoutes[] {
  const shards = () => shardStates(input.client);
  registerScrapeGauges(input.metrics.registry, { db: input.db, owner: input.owner, clock: input.clock, log: input.log, shards });
  return [healthRoutes(readinessCheck({ db: input.db, databaseUrl: input.databaseUrl, shards })), metricsRoutes(input.metrics.registry, { token: input.metricsToken })];
}
