import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { HttpRoutes } from './http-server.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** True when the Authorization header is `Bearer <token>`; compared in constant time (hashes of equal length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * /metrics in Prometheus text format, from this bot's own registry. With METRICS_TOKEN set it needs
 * `Authorization: Bearer <token>` (a course's activity is nobody else's business); without, it stays open.
 */
export function metricsRoutes(registry: Registry, options: { token?: string } = {}): HttpRoutes {
  return (app) => {
    app.get('/metrics', async (request, reply) => {
      if (options.token && !bearerMatches(request.headers.authorization, options.token))
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
      return reply.header('content-type', registry.contentType).send(await registry.metrics());
    });
  };
}
