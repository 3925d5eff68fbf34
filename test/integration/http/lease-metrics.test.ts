import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { releaseLease } from '../../../src/db/leases.js';
import { registerScrapeGauges } from '../../../src/http/metrics-gauges.js';
import { createBotMetrics, type BotMetrics } from '../../../src/http/metrics-registry.js';
import { claimCourses } from '../../../src/jobs/course-leases.js';
import type { Context } from '../../../src/context.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { createCourse } from '../../support/course-fixture.js';
import { processContext, useTwoClients } from '../db/two-bot-processes.js';
import { readMetrics } from './scrape.js';

// Two bot processes on one database, each with its own metrics registry, as an operator scraping both sees
// them: which process holds the course, and a takeover when the holder stops (it releases its lease on the way out).

const clients = useTwoClients();

function botProcess(db: Db, owner: string): { ctx: Context; metrics: BotMetrics } {
  const metrics = createBotMetrics();
  const log = silentLogger();
  registerScrapeGauges(metrics.registry, { db, owner, clock: systemClock, log, shards: () => [] });
  const ctx: Context = { ...processContext(db, owner, systemClock, { leaseSeconds: 60, log }), metrics: metrics.counting };
  return { ctx, metrics };
}

const scrape = async (p: { metrics: BotMetrics }) => readMetrics(await p.metrics.registry.metrics());

describe('lease metrics of two bot processes', () => {
  it('the holder shows one lease and no takeover; when it stops, the other shows the takeover and the lease', async () => {
    const { testDb, secondDb } = clients;
    await createCourse(testDb.db, { blogUrl: 'http://127.0.0.1:9', username: 'bot', appPassword: 'x', ingestSince: new Date() });
    const first = botProcess(testDb.db, 'first');
    const second = botProcess(secondDb, 'second');
    const held = await claimCourses(first.ctx);
    expect(held).toHaveLength(1);
    expect(await claimCourses(second.ctx)).toEqual([]);
    await claimCourses(first.ctx); // renewing its own lease is no takeover

    let a = await scrape(first);
    let b = await scrape(second);
    expect([a.get('coursethreads_leases_held'), b.get('coursethreads_leases_held')]).toEqual([1, 0]);
    expect([a.get('coursethreads_lease_takeovers_total'), b.get('coursethreads_lease_takeovers_total')]).toEqual([0, 0]);

    await releaseLease(testDb.db, { name: `course:${held[0]!.courseId}`, owner: 'first', token: held[0]!.lease.token });
    expect(await claimCourses(second.ctx)).toHaveLength(1);
    a = await scrape(first);
    b = await scrape(second);
    expect([a.get('coursethreads_leases_held'), b.get('coursethreads_leases_held')]).toEqual([0, 1]);
    expect([a.get('coursethreads_lease_takeovers_total'), b.get('coursethreads_lease_takeovers_total')]).toEqual([0, 1]);
  });
});
