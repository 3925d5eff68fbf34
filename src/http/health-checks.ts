import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { databaseKind, sqliteFilePath, type Db } from '../db/client.js';
import { pendingMigrationsReader } from '../db/pending-migrations.js';
import { pingDatabase } from '../db/ping-database.js';
import type { ShardState } from './metrics-gauges.js';

export interface ReadinessSources {
  db: Db;
  /** DATABASE_URL: where the SQLite file is and which migrations apply. Without it only a query is tried. */
  databaseUrl?: string;
  shards(): ShardState[];
  /** How long the database may take to answer before it counts as down. */
  timeoutMs?: number;
}

export interface Readiness {
  ready: boolean;
  /** One line per thing that is not ready, for the operator reading the 503. */
  notReady: string[];
  shards: Array<{ id: number; ready: boolean }>;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const reason = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** Builds the readiness check: every shard connected, the database answering, no migration pending. */
export function readinessCheck(sources: ReadinessSources): () => Promise<Readiness> {
  const timeoutMs = sources.timeoutMs ?? 2_000;
  const pending = sources.databaseUrl ? pendingMigrationsReader(sources.databaseUrl) : null;
  // SQLite keeps working on an open file that was deleted or replaced; what the next start would find is what counts.
  const sqliteFile = sources.databaseUrl && databaseKind(sources.databaseUrl) === 'sqlite' ? sqliteFilePath(sources.databaseUrl) : null;

  async function database(): Promise<string[]> {
    try {
      if (sqliteFile && sqliteFile !== ':memory:') {
        await access(path.resolve(sqliteFile), constants.R_OK | constants.W_OK).catch((error: NodeJS.ErrnoException) => {
          throw new Error(`the SQLite file ${path.resolve(sqliteFile)} is gone or not readable and writable (${error.code ?? 'error'})`);
        });
      }
      await withTimeout(pingDatabase(sources.db), timeoutMs, 'the database');
      const missing = pending ? await withTimeout(pending(sources.db), timeoutMs, 'the migrations table') : [];
      return missing.length === 0 ? [] : [`migrations: ${missing.length} pending (${missing.join(', ')}); run npm run db:migrate`];
    } catch (error) {
      return [`database: ${reason(error)}`];
    }
  }

  return async () => {
    const shards = sources.shards().map(({ id, ready }) => ({ id, ready }));
    const notReady = shards.filter((s) => !s.ready).map((s) => `gateway: shard ${s.id} is not connected`);
    if (shards.length === 0) notReady.push('gateway: no shard is running');
    notReady.push(...(await database()));
    return { ready: notReady.length === 0, notReady, shards };
  };
}
