import type { Registry } from 'prom-client';
import type { HttpRoutes } from './http-server.js';

/** /metrics in Prometheus text format, from this bot's own registry. */
export function metricsRoutes(registry: Registry): HttpRoutes {
  return (app) => {
    app.get('/metrics', async (_request, reply) => reply.header('content-type', registry.contentType).send(await registry.metrics()));
  };
}
