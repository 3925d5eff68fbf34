// What every multi-process test stands on: a fresh PostgreSQL database, the multi-course world (emulator and
// WordPress fakes) on it, a watch on the course leases, and bot processes spawned against all of that, each
// logging to its own file. Built once per suite; the processes still running are stopped with SIGTERM after it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDb, type Db } from '../../../src/db/client.js';
import { spawnBotProcess, type BotProcess, type BotProcessOptions } from '../../support/bot-process/spawn-bot-process.js';
import { watchLeases, type LeaseWatch } from '../../support/bot-process/lease-watch.js';
import { startMultiCourseWorld, type MultiCourseWorld } from '../../support/bot-process/multi-course-world.js';
import { createTestDatabase } from '../../support/postgres-server.js';

/** What a test chooses of a process; the database, the emulator, the shard count and the log file come from the fleet. */
export type FleetProcessOptions = Omit<BotProcessOptions, 'name' | 'databaseUrl' | 'apiUrl' | 'token' | 'shardCount' | 'logFile'>;

export interface ProcessFleet {
  readonly db: Db;
  readonly world: MultiCourseWorld;
  readonly watch: LeaseWatch;
  /** The log file of process `name`. */
  logOf(name: string): string;
  start(name: string, options: FleetProcessOptions): Promise<BotProcess>;
}

/** Call once in the suite's describe: registers the beforeAll that builds the fleet and the afterAll that stops it. */
export function useProcessFleet(options: { courses: number; shardCount: number; logDirPrefix: string }): ProcessFleet {
  let url: string;
  let db: Db;
  let world: MultiCourseWorld;
  let watch: LeaseWatch;
  const spawned: BotProcess[] = [];
  const logDir = mkdtempSync(path.join(tmpdir(), options.logDirPrefix));
  const logOf = (name: string) => path.join(logDir, `${name}.log`);

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await openDb(url);
    world = await startMultiCourseWorld(db, { courses: options.courses, shardCount: options.shardCount });
    watch = watchLeases(db);
  }, 120_000);

  afterAll(async () => {
    watch?.stop();
    await Promise.all(spawned.map((p) => p.kill('SIGTERM')));
    await world?.close();
    await db?.$disconnect();
  });

  return {
    get db() {
      return db;
    },
    get world() {
      return world;
    },
    get watch() {
      return watch;
    },
    logOf,
    async start(name, processOptions) {
      const proc = await spawnBotProcess({
        name,
        databaseUrl: url,
        apiUrl: world.emu.apiUrl,
        token: world.emu.botToken,
        shardCount: options.shardCount,
        logFile: logOf(name),
        ...processOptions,
      });
      spawned.push(proc);
      return proc;
    },
  };
}
