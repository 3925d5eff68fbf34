import type { Db } from '../db/client.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { readinessCheck } from './health-checks.js';
import { healthRoutes } from './health-routes.js';
import type { HttpRoutes } from './http-server.js';
import { registerScrapeGauges, type ShardState } from './metrics-gauges.js';
import type { BotMetrics } from './metrics-registry.js';
import { metricsRoutes } from './metrics-routes.js';

/** The routes a running bot offers on its HTTP server: /healthz, /readyz and /metrics (`shards`: the gateway's shards now). */
export function healthAndMetricsRoutes(input: {
  shards: () => ShardState[];
  db: Db;
  databaseUrl?: string;
  owner: string;
  clock: Clock;
  log: Logger;
  metrics: BotMetrics;
  metricsToken?: string;
}): HttpRoutes[] {
  const shards = input.shards;
  registerScrapeGauges(input.metrics.registry, { db: input.db, owner: input.owner, clock: input.clock, log: input.log, shards });
  return [
    healthRoutes(readinessCheck({ db: input.db, databaseUrl: input.databaseUrl, shards })),
    metricsRoutes(input.metrics.registry, { token: input.metricsToken }),
  ];
}
