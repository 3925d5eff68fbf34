import type { BlogSource } from '../ports/blog-source.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import type { ChatPort } from '../ports/chat-port.js';

/** What every use case receives: passed in, never imported, so tests hand it real test servers or fakes. */
export interface SyncContext {
  db: Db;
  chat: ChatPort;
  /** The blog source of a course (credentials decrypted on demand, never kept in the database in clear). */
  blogFor(courseId: string): Promise<BlogSource>;
  clock: Clock;
  log: Logger;
  /** What /metrics counts; absent where nobody scrapes (most tests). */
  metrics?: Metrics;
}
