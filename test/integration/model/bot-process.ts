import { BlogError } from '../../../src/ports/blog-source.js';
import { courseSyncJob } from '../../../src/jobs/course-sync-job.js';
import type { Context, SyncDeps } from '../../../src/context.js';
import type { ManualClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { syncCourseNow } from '../../../src/jobs/sync-now.js';
import type { Db } from '../../../src/db/client.js';
import type { MemoryChat } from '../../support/memory-chat.js';
import { FakeBlog, type BlogState } from './fake-blog.js';
import { FaultInjector, type FaultHooks } from './faults.js';
import { ProcessChat } from './process-chat.js';

export const leaseSeconds = 60;

export interface Shared {
  db: Db;
  blog: BlogState;
  discord: MemoryChat;
  /** The real time, which the blog stamps its posts and comments with. */
  clock: ManualClock;
  courseId: string;
  /** Non-blog errors that escaped a tick or /sync now (a person would see the job fail). */
  tickErrors: string[];
  /** Faults that fired, in order. */
  fired: string[];
}

let starts = 0;

/**
 * One bot process: its own owner name (a restart is a new owner), its own clock (skewed from the real
 * time), its own faults, and the real course sync job (`courseSyncJob().tick`) and `/sync now`
 * (`syncCourseNow`, under the course lease) over the shared database, blog and Discord.
 */
export class BotProcess {
  readonly owner = `model-process-${(starts += 1)}`;
  readonly injector: FaultInjector;
  readonly ctx: SyncDeps;
  private readonly job = courseSyncJob();
  private readonly jobCtx: Context;

  constructor(
    private readonly shared: Shared,
    skewMs: number,
    hooks: FaultHooks,
  ) {
    this.injector = new FaultInjector(hooks, shared.fired);
    const clock = { now: () => new Date(shared.clock.now().getTime() + skewMs) };
    const blog = new FakeBlog(shared.blog, this.injector, () => shared.clock.now());
    this.ctx = { db: shared.db, chat: new ProcessChat(shared.discord, this.injector), blogFor: async () => blog, clock, log: silentLogger() };
    this.jobCtx = {
      ...this.ctx,
      owner: this.owner,
      config: { leaseSeconds },
      kickOutbox: () => undefined,
      secrets: undefined as never,
      createBlog: undefined as never,
    };
  }

  /** The scheduled course tick, polling now (lease, essays, effects, comments, effects). */
  tick(): Promise<void> {
    return this.guard('tick', this.job.tick(this.jobCtx, 'poll_all_now'));
  }

  /** Staff's `/sync now`, as the command runs it: under the course lease, or nothing when another process holds it. */
  syncNow(): Promise<void> {
    return this.guard('/sync now', syncCourseNow(this.jobCtx, this.shared.courseId));
  }

  /** Resolves when the work ends or this process crashes (its work is then abandoned, never resumed). */
  private async guard(what: string, work: Promise<unknown>): Promise<void> {
    const ended = work.then(
      () => undefined,
      (error: unknown) => {
        // A blog outage is expected and retried next tick; anything else is a failure a person would see.
        if (!(error instanceof BlogError))
          this.shared.tickErrors.push(
            `${what} of ${this.owner} failed: ${error instanceof Error ? `${error.name}: ${error.message.split('\n').slice(-1)[0]}` : String(error)}`,
          );
      },
    );
    await Promise.race([ended, this.injector.crashed]);
  }
}
