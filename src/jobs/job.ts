import type { AppContext } from '../app/app-context.js';
import type { Logger } from '../shared/logger.js';

/** A scheduled job: a node-cron expression and what to do. State lives in the database, so a restart loses nothing. */
export interface Job {
  name: string;
  /** node-cron expression (6 fields = with seconds), evaluated in UTC; course-local timing is the job's own logic. */
  schedule: string;
  run(ctx: JobContext): Promise<string | void>;
  /** Off for jobs run on every event (the outbox kick): their health shows in their own backlog instead. */
  recordRuns?: boolean;
}

export interface JobContext extends AppContext {
  /** Unique per process start: the lease owner. */
  owner: string;
  log: Logger;
  /** The gateway shards this process holds, of `count`; course claims stay on guilds of these shards. Absent = all. */
  shards?: { ids: number[]; count: number };
  /** Aborted when the process shuts down: a running job finishes the effect in hand and starts no other. */
  stopping?: AbortSignal;
}
