import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotWorld, type BotWorld } from '../../support/bot-world.js';
import { testDatabaseKind } from '../../support/test-db.js';

// What a monitor (a load balancer, systemd, Kubernetes) sees on /readyz while things break and heal:
// the real bot, its real gateway connection to the Discord emulator, its real database.

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (opts: { connectionString: string }) => PgClient };

let world: BotWorld;
let url: string;

beforeAll(async () => {
  world = await startBotWorld({ http: true });
  url = world.bot.http!.url;
});
afterAll(() => world?.close());

async function readyz(): Promise<{ status: number; notReady: string[] }> {
  const response = await fetch(`${url}/readyz`);
  const body = (await response.json()) as { notReady: string[] };
  return { status: response.status, notReady: body.notReady };
}

const waitForStatus = (status: number, what: string) => world.emu.waitFor(async () => (await readyz()).status === status, 20_000, what);

describe('/readyz and /healthz as a monitor sees them', () => {
  it('a connected bot with its database is ready, and alive', async () => {
    expect(await readyz()).toEqual({ status: 200, notReady: [] });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('a shard that lost its gateway connection makes the bot not ready, naming the shard, until it reconnects', async () => {
    world.emu.refuseGatewayConnections(true);
    world.emu.dropGatewayConnections('terminate');
    await waitForStatus(503, 'readyz turns 503 while the gateway is gone');
    const down = await readyz();
    expect(down.notReady).toEqual(['gateway: shard 0 is not connected']);
    // Still alive: a monitor must not restart a process that is only reconnecting.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    world.emu.refuseGatewayConnections(false);
    await waitForStatus(200, 'readyz back to 200 after the shard reconnected');
  });

  it.skipIf(testDatabaseKind() !== 'sqlite')('a SQLite file that disappeared makes the bot not ready, naming the database, until it is back', async () => {
    const file = world.testDb.file;
    renameSync(file, `${file}.moved`);
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.notReady).toHaveLength(1);
      expect(down.notReady[0]).toMatch(/^database: the SQLite file .* is gone/);
    } finally {
      renameSync(`${file}.moved`, file);
    }
    expect(await readyz()).toEqual({ status: 200, notReady: [] });
  });

  it.skipIf(testDatabaseKind() !== 'postgresql')(
    'a PostgreSQL database that stops taking connections makes the bot not ready, naming the database, until it takes them again',
    async () => {
      // What a DBA does before maintenance: no new connections, and the open ones are ended.
      const name = new URL(world.testDb.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: world.testDb.url.replace(/\/[^/?]+(\?.*)?$/, '/postgres') });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
        await waitForStatus(503, 'readyz turns 503 while the database refuses connections');
        const down = await readyz();
        expect(down.notReady).toHaveLength(1);
        expect(down.notReady[0]).toMatch(/^database: /);
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await waitForStatus(200, 'readyz back to 200 once the database takes connections');
      } finally {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
    },
  );

  it('a migration this build ships but the database has not applied makes the bot not ready, naming it', async () => {
    // As after deploying a new build without running its migrations: the newest migration is not recorded.
    const sqlite = testDatabaseKind() === 'sqlite';
    const table = sqlite ? '_prisma_migrations' : '"_coursethreads_migrations"';
    const column = sqlite ? 'migration_name' : 'name';
    const rows = await world.testDb.db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT ${column} AS name FROM ${table} ORDER BY ${column} DESC`);
    const newest = rows[0]!.name;
    const saved = await world.testDb.db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM ${table} WHERE ${column} = '${newest}'`);
    await world.testDb.db.$executeRawUnsafe(`DELETE FROM ${table} WHERE ${column} = '${newest}'`);
    try {
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.notReady).toEqual([`migrations: 1 pending (${newest}); run npm run db:migrate`]);
    } finally {
      const row = saved[0]!;
      const columns = Object.keys(row);
      await world.testDb.db.$executeRawUnsafe(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ')})`,
        ...columns.map((c) => row[c]),
      );
    }
    expect(await readyz()).toEqual({ status: 200, notReady: [] });
  });
});
