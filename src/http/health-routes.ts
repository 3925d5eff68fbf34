import type { Readiness } from './health-checks.js';
import type { HttpRoutes } from './http-server.js';

/**
 * /healthz: the process is alive and its event loop answers (200, nothing else checked: a monitor restarts
 * the process only when this fails). /readyz: 200 when every shard is connected, the database answers and
 * no migration is pending; otherwise 503 with what is not ready, in JSON.
 */
export function healthRoutes(checkReadiness: () => Promise<Readiness>): HttpRoutes {
  return (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_request, reply) => {
      const readiness = await checkReadiness();
      return reply.code(readiness.ready ? 200 : 503).send(readiness);
    });
  };
}
