import type pg from 'pg';
import type { Logger } from '../../shared/logger.js';

/** The PostgreSQL channel every bot process listens on; the payload is a course id and nothing else. */
export const PUSH_CHANNEL = 'coursethreads_push';

/** Delivers "this course has news" to whichever process syncs the course. */
export interface PushWaker {
  wake(courseId: string): void;
  close(): Promise<void>;
}

/** SQLite: one process, so the wake is a call. */
export function localWaker(onWake: (courseId: string) => void): PushWaker {
  return { wake: onWake, close: async () => undefined };
}

/**
 * PostgreSQL, several processes: the receiver NOTIFYs, every process LISTENs (the sender included) and
 * each wakes the course only if it holds the course's lease, so the push reaches the holder whoever
 * received it. A lost listener connection is re-opened; what it missed meanwhile the poll catches.
 */
export async function postgresWaker(options: { url: string; log: Logger; onWake: (courseId: string) => void; retryMs?: number }): Promise<PushWaker> {
  const log = options.log.child({ component: 'push-wake' });
  let closed = false;
  let client: pg.Client | null = null;

  // node-postgres loads only here: a SQLite bot never pays for it at start-up.
  const { default: postgres } = await import('pg');
  async function connect(): Promise<void> {
    const next = new postgres.Client({ connectionString: options.url });
    next.on('notification', (message) => {
      if (message.channel === PUSH_CHANNEL && message.payload) options.onWake(message.payload);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'push listener lost its connection; reconnecting (polling covers the gap)');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect().catch((e: unknown) => log.warn({ err: e }, 'push listener reconnect failed')), options.retryMs ?? 5_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${PUSH_CHANNEL}`);
    client = next;
  }

  await connect();
  return {
    wake(courseId) {
      if (!client) {
        log.warn({ courseId }, 'push listener not connected; the next poll will sync the course');
        return;
      }
      client.query('SELECT pg_notify($1, $2)', [PUSH_CHANNEL, courseId]).catch((error: unknown) => log.warn({ err: error, courseId }, 'push notify failed; the next poll will sync the course'));
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}

/** The waker for the database in use: what start-up wires between pushRoutes and the course-sync job's wake. */
export async function startPushWaker(options: { databaseUrl: string; log: Logger; onWake: (courseId: string) => void }): Promise<PushWaker> {
  return /^postgres(ql)?:\/\//.test(options.databaseUrl) ? postgresWaker({ url: options.databaseUrl, log: options.log, onWake: options.onWake }) : localWaker(options.onWake);
}
