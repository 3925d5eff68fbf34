import type { Config } from './config.js';
import type { BlogSourceFactory } from './courses/course-blogs.js';
import type { Db } from './db/client.js';
import type { BlogSource } from './ports/blog-source.js';
import type { ChatPort } from './ports/chat-port.js';
import type { SecretBox } from './privacy/secret-box.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import type { Metrics } from './shared/metrics.js';

/**
 * What the running bot hands to every command, job and use case: passed in, never imported, so tests hand it
 * real test servers or fakes. main.ts (through start-bot) builds the one instance; a use case that needs only a
 * few fields takes a `Pick<Context, ...>`, so a test can build just those.
 */
export interface Context {
  db: Db;
  chat: ChatPort;
  /** The blog source of a course (credentials decrypted on demand, never kept in the database in clear). */
  blogFor(courseId: string): Promise<BlogSource>;
  clock: Clock;
  log: Logger;
  /** What /metrics counts; absent where nobody scrapes (most tests). */
  metrics?: Metrics;
  secrets: SecretBox;
  createBlog: BlogSourceFactory;
  config: Pick<Config, 'leaseSeconds'> & Partial<Pick<Config, 'publicUrl'>>;
  /** Unique per process start: the owner of the course leases this process holds (jobs and /sync now). */
  owner: string;
  /** Asks the scheduler to drain the outbox soon (after a reply was recorded), instead of waiting for the next tick. */
  kickOutbox(): void;
  /** The gateway shards this process holds, of `count`; course claims stay on guilds of these shards. Absent = all. */
  shards?: { ids: number[]; count: number };
  /** Aborted when the process shuts down: a running job finishes the effect in hand and starts no other. */
  stopping?: AbortSignal;
}

/** The slice the sync use cases (essays, comments, outbox effects, alerts) read: the database, Discord, the blogs, time and logs. */
export type SyncDeps = Pick<Context, 'db' | 'chat' | 'blogFor' | 'clock' | 'log' | 'metrics'>;
