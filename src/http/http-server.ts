import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '../shared/logger.js';

/** A group of routes (health, metrics, blog push...) mounted on the bot's one HTTP server. */
export type HttpRoutes = (app: FastifyInstance) => Promise<void> | void;

export interface RunningHttpServer {
  /** Where it listens, e.g. http://127.0.0.1:8787 (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

/** Requests at debug (a scrape every 15 s is noise at info); a failed request still at error, by Fastify's default. */
class QuietRequests extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: request.url }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
    else reply.log.debug({ statusCode: reply.statusCode, ms: reply.elapsedTime }, 'request completed');
  }
}

/**
 * The bot's HTTP server (Fastify). Binds to `host` (127.0.0.1 by default in config: a monitor on the same
 * machine or a reverse proxy reaches it; nothing is exposed by accident). Port 0 takes any free port (tests).
 * Logs through the bot's pino logger.
 */
export async function startHttpServer(options: { host: string; port: number; log: Logger; routes: HttpRoutes[] }): Promise<RunningHttpServer> {
  const app = Fastify({ loggerInstance: options.log.child({ component: 'http' }), logController: new QuietRequests() });
  for (const routes of options.routes) await app.register(async (scope) => routes(scope));
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(
        `HTTP_PORT=${options.port}: the port is already in use on ${options.host}; choose another port, or HTTP_PORT=off to run without the HTTP server`,
        { cause: error },
      );
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`HTTP_HOST=${options.host}: no network interface of this machine has that address; use 127.0.0.1 (local only) or 0.0.0.0 (all)`, {
        cause: error,
      });
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  options.log.info({ host: options.host, port }, 'HTTP server listening (/healthz, /readyz, /metrics)');
  return {
    url: `http://${host}:${port}`,
    close: () => app.close(),
  };
}
