import type pg from 'pg';
import type { Logger } from '../../shared/logger.js';

/** The PostgreSQL channel every bot process listens on; the payload is `<course id>` or `<course id>/<blog post id>`, nothing else. */
export const PUSH_CHANNEL = 'coursethreads_push';

type OnWake = (courseId: string, postId?: string) => void;

/** Delivers "this course has news" (and which post, for a comment) to whichever process syncs the course. */
export interface PushWaker {
  wake(courseId: string, postId?: string): void;
  close(): Promise<void>;
}

export const wakePayload = (courseId: string, postId?: string) => (postId ? `${courseId}/${postId}` : courseId);

/** Reads a payload back; a post id that is not a number is dropped (the poll still reads the course). */
export function readWakePayload(payload: string): { courseId: string; postId?: string } {
  const [courseId = '', postId] = payload.split('/');
  return postId && /^\d{1,20}$/.test(postId) ? { courseId, postId } : { courseId };
}

/** SQLite: one process, so the wake is a call. */
export function localWaker(onWake: OnWake): PushWaker {
  return { wake: onWake, close: async () => undefined };
}

/**
 * PostgreSQL, several processes: the receiver NOTIFYs, every process LISTENs (the sender included) and
 * each wakes the course only if it holds the course's lease, so the push reaches the holder whoever
 * received it. A lost listener connection is re-opened; what it missed meanwhile the poll catches.
 */
export async function postgresWaker(options: { url: string; log: Logger; onWake: OnWake; retryMs?: number }): Promise<PushWaker> {
  const log = options.log.child({ component: 'push-wake' });
  let closed = false;
  let client: pg.Client | null = null;

  // node-postgres loads only here: a SQLite bot never pays for it at start-up.
  const { default: postgres } = await import('pg');
  async function connect(): Promise<void> {
    const next = new postgres.Client({ connectionString: options.url });
    next.on('notification', (message) => {
      if (message.channel !== PUSH_CHANNEL || !message.payload) return;
      const { courseId, postId } = readWakePayload(message.payload);
      options.onWake(courseId, postId);
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'push listener lost its connection; reconnecting (polling covers the gap)');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (!closed)
        setTimeout(() => void connect().catch((e: unknown) => log.warn({ err: e }, 'push listener reconnect failed')), options.retryMs ?? 5_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${PUSH_CHANNEL}`);
    client = next;
  }

  await connect();
  return {
    wake(courseId, postId) {
      if (!client) {
        log.warn({ courseId }, 'push listener not connected; the next poll will sync the course');
        return;
      }
      client
        .query('SELECT pg_notify($1, $2)', [PUSH_CHANNEL, wakePayload(courseId, postId)])
        .catch((error: unknown) => log.warn({ err: error, courseId }, 'push notify failed; the next poll will sync the course'));
    },
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}

/** The waker for the database in use: what start-up wires between pushRoutes and the course-sync job's wake. */
export async function startPushWaker(options: { databaseUrl: string; log: Logger; onWake: OnWake }): Promise<PushWaker> {
  return /^postgres(ql)?:\/\//.test(options.databaseUrl)
    ? postgresWaker({ url: options.databaseUrl, log: options.log, onWake: options.onWake })
    : localWaker(options.onWake);
}
