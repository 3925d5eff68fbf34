// The world most sync tests start from: a test database, the WordPress fake, Discord in memory, a manual
// clock, the sync context over them and one course on that blog. Tests that need more (an essay and its
// thread, a staff channel, a blog whose clock follows the bot's) build on it rather than write it again.
import { afterEach, beforeEach } from 'vitest';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox, type DrainSummary } from '../../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../../src/context.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type FakeSiteOptions, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

export interface SyncWorldOptions {
  /** The bot's clock; by default it starts at the wall clock's now. */
  startClock?: () => ManualClock;
  /** The WordPress fake's settings, given the bot's clock (for a blog whose own clock follows it). */
  wordpress?: (clock: ManualClock) => FakeSiteOptions;
  /** From when the course takes essays; by default a minute before the wall clock's now. */
  ingestSince?: (clock: ManualClock) => Date;
}

/**
 * Built afresh by `start()` (before each test), so one instance serves a whole test file; the fields are
 * plain and writable, so a test can wrap `ctx.blogFor` or swap `ctx` for a restarted process's.
 */
export class SyncWorld {
  testDb!: TestDb;
  wp!: WordPressFake;
  chat!: MemoryChat;
  clock!: ManualClock;
  ctx!: SyncDeps;
  courseId!: string;

  constructor(private readonly options: SyncWorldOptions = {}) {}

  async start(): Promise<void> {
    this.testDb = await createTestDb();
    this.clock = this.options.startClock?.() ?? new ManualClock(new Date());
    this.wp = await startWordPressFake(this.options.wordpress?.(this.clock));
    this.chat = new MemoryChat();
    this.ctx = syncContext(this.testDb.db, this.chat, this.clock);
    this.courseId = await createCourse(this.testDb.db, {
      blogUrl: this.wp.url,
      username: this.wp.users.bot.login,
      appPassword: this.wp.users.bot.appPassword,
      ingestSince: this.options.ingestSince?.(this.clock) ?? new Date(Date.now() - 60_000),
    });
  }

  /** Runs the course's outbox effects that are due now, once. */
  drain(): Promise<DrainSummary> {
    return drainOutbox(this.ctx, effectHandlers, { courseIds: [this.courseId] });
  }

  /** One sync tick for the course: the essay poll, then its effects. */
  async pollEssaysAndDrain(): Promise<void> {
    await pollCourseEssays(this.ctx, this.courseId);
    await this.drain();
  }

  async close(): Promise<void> {
    await this.wp.close();
    await this.testDb.close();
  }
}

/**
 * A course with one published essay ('On Reform' by student1) and its thread. Readers' blog comments are
 * approved at once unless a test holds them (WordPress's "previously approved" rule off, no flood limit).
 */
export class EssayThreadWorld extends SyncWorld {
  postId!: number;
  threadId!: string;

  constructor() {
    super({ wordpress: () => ({ floodSeconds: 0, commentPreviouslyApproved: false }) });
  }

  override async start(): Promise<void> {
    await super.start();
    this.postId = (await this.wp.as('student1').publishPost({ title: 'On Reform', content: '<p>Essay.</p>' })).id;
    await this.pollEssaysAndDrain();
    this.threadId = this.chat.threads[0]!.id;
  }
}

/** Call once at the top of a test file: `world` is started before each test and closed after it. */
export function useWorld<W extends SyncWorld>(world: W): W {
  beforeEach(() => world.start());
  afterEach(() => world.close());
  return world;
}
