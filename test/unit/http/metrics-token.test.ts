import { afterEach, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { loadConfig, ConfigError } from '../../../src/config.js';
import { healthRoutes } from '../../../src/http/health-routes.js';
import { startHttpServer, type RunningHttpServer } from '../../../src/http/http-server.js';
import { metricsRoutes } from '../../../src/http/metrics-routes.js';
import { createLogger } from '../../../src/shared/logger.js';

// What a Prometheus scraper (or a stranger) gets from the bot's HTTP server when METRICS_TOKEN is set or not.
let server: RunningHttpServer | undefined;
afterEach(() => server?.close());

const token = 'k3y-for-the-scraper-0123456789abcdef';

async function serve(metricsToken?: string) {
  const registry = new Registry();
  registry.registerMetric(new (await import('prom-client')).Counter({ name: 'coursethreads_probe_total', help: 'probe', registers: [] }));
  const ready = async () => ({ ready: false, notReady: ['gateway: shard 0 is not connected'], shards: [{ id: 0, ready: false }] });
  server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    log: createLogger('silent'),
    routes: [healthRoutes(ready), metricsRoutes(registry, { token: metricsToken })],
  });
  return server.url;
}

describe('METRICS_TOKEN: /metrics for the scraper only', () => {
  it('with METRICS_TOKEN set, /metrics without the token or with a wrong one is 401, and with `Authorization: Bearer <token>` it is the metrics', async () => {
    const url = await serve(token);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: token } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('coursethreads_probe_total 0');
  });

  it('with METRICS_TOKEN set, /healthz and /readyz stay open to the monitor', async () => {
    const url = await serve(token);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });

  it('without METRICS_TOKEN, /metrics stays open as before', async () => {
    const url = await serve(undefined);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });

  it('METRICS_TOKEN is read from the environment, and a short one is refused naming METRICS_TOKEN and how to make one', () => {
    expect(loadConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    try {
      loadConfig({ METRICS_TOKEN: 'short' });
      expect.unreachable('a 5-character token was accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.join('\n')).toMatch(/METRICS_TOKEN.*openssl rand -hex 32/);
    }
  });
});
