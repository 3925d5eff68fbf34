// A throwaway PostgreSQL server for tests: Debian's server binaries (outside PATH), `initdb` into a
// temporary folder, `pg_ctl` on 127.0.0.1 and a free port, durability switched off for speed.
// As root, PostgreSQL refuses to run, so the folder is given to the `postgres` OS user and every
// server command runs through `runuser -u postgres --`.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { migratePostgres } from '../../src/db/postgres-migrate.js';
import { findBindir, isRoot, postgresUser } from './postgres-binaries.js';
import { shellQuote, startWatchdog } from './server-watchdog.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (opts: { connectionString: string }) => PgClient };

export type Availability = { ok: true; bindir: string } | { ok: false; reason: string };

/** Whether a PostgreSQL server can be started here, and if not, why (for `describe.skipIf`). */
export function postgresAvailable(): Availability {
  if (process.env.CT_SKIP_POSTGRES === '1') return { ok: false, reason: 'CT_SKIP_POSTGRES=1 is set' };
  const bindir = findBindir();
  if (!bindir) {
    return {
      ok: false,
      reason:
        "PostgreSQL server binaries (initdb, pg_ctl) not found in PG_BINDIR, `pg_config --bindir` or /usr/lib/postgresql/*/bin: install Debian's `postgresql` package",
    };
  }
  if (isRoot() && !postgresUser()) return { ok: false, reason: 'running as root and there is no `postgres` OS user to run the server as' };
  return { ok: true, bindir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** URL of a database created for this server's first user. */
  url: string;
  port: number;
  /** The temporary folder holding its data ('' for a server this process does not own). */
  folder: string;
  /** Creates a fresh database (empty, or a copy of `template`) and returns its URL. */
  createDatabase(name?: string, template?: string): Promise<string>;
  stop(): Promise<void>;
  /** The same, synchronously: usable in a process 'exit' handler. */
  stopSync(): void;
}

let counter = 0;

/** CREATE DATABASE (empty, or a copy of `template`) on the server at `base`; returns the new database's URL. */
function databaseCreator(base: string): PostgresServer['createDatabase'] {
  return async (name, template) => {
    const db = name ?? `test_${process.pid}_${++counter}`;
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${db}"${template ? ` TEMPLATE "${template}"` : ''}`);
    } finally {
      await admin.end();
    }
    return `${base}/${db}`;
  };
}

/**
 * Starts a server owned by `ownerPid` (default: this process): a watchdog stops it when the owner ends,
 * however it ends. The vitest global setup passes its own pid, so one server serves the whole run.
 */
export async function startPostgres(options: { ownerPid?: number } = {}): Promise<PostgresServer> {
  const available = postgresAvailable();
  if (!available.ok) throw new Error(available.reason);
  const folder = mkdtempSync(path.join(tmpdir(), 'ct-postgres-'));
  const owner = isRoot() ? postgresUser() : null;
  if (owner) chownSync(folder, owner.uid, owner.gid);
  const command = (bin: string, args: string[]): string[] =>
    owner ? ['runuser', '-u', 'postgres', '--', path.join(available.bindir, bin), ...args] : [path.join(available.bindir, bin), ...args];
  const run = (bin: string, args: string[]): void => {
    const [exe, ...rest] = command(bin, args);
    const res = spawnSync(exe!, rest, { encoding: 'utf8', cwd: folder });
    if (res.status !== 0) throw new Error(`${bin} failed (${res.status}): ${res.stderr || res.stdout}`);
  };
  const data = path.join(folder, 'data');
  // Armed before the server exists: if this process dies during start-up, the server still goes.
  startWatchdog({
    ownerPid: options.ownerPid ?? process.pid,
    folder,
    stopCommand: shellQuote(command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])),
  });
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // eslint-disable-next-line no-useless-assignment -- TypeScript cannot see that the endless loop assigns it before the break
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const opts = `-h 127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
    try {
      run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(folder, 'server.log'), '-w', '-t', '30', 'start']);
      break;
    } catch (err) {
      // Another process may have taken the port between freePort() and the server's bind.
      if (attempt >= 2) throw err;
    }
  }
  const base = `postgresql://postgres@127.0.0.1:${port}`;
  const createDatabase = databaseCreator(base);
  const url = await createDatabase('coursethreads');
  let stopped = false;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  return { url, port, folder, createDatabase, stopSync, stop: async () => stopSync() };
}

let shared: Promise<PostgresServer> | undefined;

/**
 * The test run's server. Under vitest the global setup (test/support/postgres-global-setup.ts) starts one for
 * the whole run and hands its address to every worker in CT_TEST_POSTGRES_URL; elsewhere (a benchmark) this
 * process starts its own on first use, stopped on exit or by its watchdog.
 */
export function sharedPostgres(): Promise<PostgresServer> {
  const runServer = process.env.CT_TEST_POSTGRES_URL;
  shared ??= runServer
    ? Promise.resolve(connectTo(runServer))
    : startPostgres().then((server) => {
        process.once('exit', () => server.stopSync());
        return server;
      });
  return shared;
}

/** A server someone else owns: databases can be created on it, stopping it is its owner's job. */
function connectTo(url: string): PostgresServer {
  const parsed = new URL(url);
  const base = `${parsed.protocol}//${parsed.username}@${parsed.host}`;
  const createDatabase = databaseCreator(base);
  return { url, port: Number(parsed.port), folder: '', createDatabase, stop: async () => undefined, stopSync: () => undefined };
}

const templates = new WeakMap<PostgresServer, Promise<string>>();

/**
 * URL of a new, isolated database on `server` (default: the shared one) with every committed migration
 * applied: migrated once into a template database, then copied per call (CREATE DATABASE ... TEMPLATE is
 * much faster than migrating again). `migrated: false` gives an empty database.
 */
export async function createTestDatabase(opts: { server?: PostgresServer; migrated?: boolean } = {}): Promise<string> {
  const server = opts.server ?? (await sharedPostgres());
  if (opts.migrated === false) return server.createDatabase();
  let template = templates.get(server);
  if (!template) {
    template = (async () => {
      const url = await server.createDatabase(`ct_template_${process.pid}`);
      await migratePostgres(url, path.join(repoRoot, 'prisma', 'postgres', 'migrations'));
      return `ct_template_${process.pid}`;
    })();
    templates.set(server, template);
  }
  return server.createDatabase(undefined, await template);
}
