import type { Context } from '../context.js';

/** A scheduled job: a node-cron expression and what to do. State lives in the database, so a restart loses nothing. */
export interface Job {
  name: string;
  /** node-cron expression (6 fields = with seconds), evaluated in UTC; course-local timing is the job's own logic. */
  schedule: string;
  run(ctx: Context): Promise<string | void>;
  /** Off for jobs run on every event (the outbox kick): their health shows in their own backlog instead. */
  recordRuns?: boolean;
}
