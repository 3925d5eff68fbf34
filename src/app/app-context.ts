import type { Config } from '../config.js';
import type { BlogSourceFactory } from '../courses/course-blogs.js';
import type { SecretBox } from '../privacy/secret-box.js';
import type { SyncContext } from '../sync/sync-context.js';

/** Everything a command or job needs, handed in by main.ts (or by a test). */
export interface AppContext extends SyncContext {
  secrets: SecretBox;
  createBlog: BlogSourceFactory;
  config: Pick<Config, 'leaseSeconds'> & Partial<Pick<Config, 'publicUrl'>>;
  /** Unique per process start: the owner of the course leases this process holds (jobs and /sync now). */
  owner: string;
  /** Asks the scheduler to drain the outbox soon (after a reply was recorded), instead of waiting for the next tick. */
  kickOutbox(): void;
}
