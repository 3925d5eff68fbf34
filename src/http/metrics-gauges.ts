import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { leasesHeldBy } from '../db/leases.js';
import { deadOutboxByKind, pendingOutboxByKind } from '../db/repositories/outbox-counts.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { effectHandlers } from '../sync/effect-registry.js';
import { effectKindLabel } from './metrics-labels.js';

export interface ShardState {
  id: number;
  /** Last heartbeat round trip in ms; negative before the first one. */
  pingMs: number;
  ready: boolean;
}

export interface GaugeSources {
  db: Db;
  /** This process's lease owner name. */
  owner: string;
  clock: Clock;
  log: Logger;
  shards(): ShardState[];
}

/**
 * Gauges read when Prometheus scrapes, from the database (the outbox and the leases are shared by every
 * process, so they are counted where they live) and from the gateway. A failing read leaves its gauge
 * empty and is logged, so the rest of /metrics still answers while the database is down.
 */
export function registerScrapeGauges(registry: Registry, sources: GaugeSources): void {
  const { db, log } = sources;
  const guarded = (what: string, read: (this: Gauge) => Promise<void>) =>
    async function (this: Gauge) {
      try {
        await read.call(this);
      } catch (error) {
        this.reset();
        log.warn({ err: error, gauge: what }, 'metrics: could not read a gauge');
      }
    };
  /** Every known kind starts at 0, so a drained outbox shows 0 instead of a vanished series. */
  const perKind = () => new Map([...effectHandlers.keys()].map((kind) => [kind, 0]));

  // prom-client collects all gauges at once: depth and age share one query per scrape.
  let inFlight: Promise<{ counts: Map<string, number>; ages: Map<string, number> }> | null = null;
  const outboxSnapshot = () => {
    inFlight ??= readOutbox().finally(() => setImmediate(() => (inFlight = null)));
    return inFlight;
  };
  async function readOutbox() {
    const rows = await pendingOutboxByKind(db);
    const counts = perKind();
    const ages = perKind();
    const now = sources.clock.now().getTime();
    for (const row of rows) {
      const kind = effectKindLabel(row.kind);
      counts.set(kind, (counts.get(kind) ?? 0) + row.count);
      const age = row.oldestCreatedAt ? Math.max(0, (now - row.oldestCreatedAt.getTime()) / 1_000) : 0;
      ages.set(kind, Math.max(ages.get(kind) ?? 0, age));
    }
    return { counts, ages };
  }
  /** A gauge with one series per effect kind, replaced on every scrape by what `read` counts. */
  const perKindGauge = (name: string, help: string, what: string, read: () => Promise<Map<string, number>>) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'],
      registers: [registry],
      collect: guarded(what, async function (this: Gauge) {
        const values = await read();
        this.reset();
        for (const [kind, value] of values) this.set({ kind }, value);
      }),
    });
  perKindGauge(
    'coursethreads_outbox_pending',
    'Effects waiting in the outbox, by kind (all processes)',
    'outbox depth',
    async () => (await outboxSnapshot()).counts,
  );
  perKindGauge(
    'coursethreads_outbox_oldest_pending_seconds',
    'Age of the oldest pending effect, by kind (0 when none)',
    'outbox age',
    async () => (await outboxSnapshot()).ages,
  );
  perKindGauge('coursethreads_outbox_dead_letters', 'Effects given up on (dead letters) waiting for staff (/sync retry), by kind', 'dead letters', async () => {
    const rows = await deadOutboxByKind(db);
    const counts = perKind();
    for (const row of rows) counts.set(effectKindLabel(row.kind), (counts.get(effectKindLabel(row.kind)) ?? 0) + row.count);
    return counts;
  });
  new Gauge({
    name: 'coursethreads_leases_held',
    help: 'Course leases this process holds now',
    registers: [registry],
    collect: guarded('leases', async function (this: Gauge) {
      this.set((await leasesHeldBy(db, sources.owner)).filter((lease) => lease.name.startsWith('course:')).length);
    }),
  });
  new Gauge({
    name: 'coursethreads_gateway_latency_seconds',
    help: 'Last gateway heartbeat round trip per shard this process runs',
    labelNames: ['shard'],
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of sources.shards()) if (shard.pingMs >= 0) this.set({ shard: String(shard.id) }, shard.pingMs / 1_000);
    },
  });
  new Gauge({
    name: 'coursethreads_gateway_ready',
    help: '1 while the shard is connected and ready, else 0',
    labelNames: ['shard'],
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of sources.shards()) this.set({ shard: String(shard.id) }, shard.ready ? 1 : 0);
    },
  });
}
