// Shared by the comment-mirroring tests (comment-mirroring-to-blog and comment-mirroring-to-thread): a course
// with one published essay and its thread on the WordPress fake, rebuilt before each test, exported as live
// bindings so each test reads this test's world; `reply` builds a Discord reply the way the adapter does.
import { afterEach, beforeEach } from 'vitest';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import { effectHandlers } from '../../../src/sync/effect-registry.js';
import { pollCourseEssays } from '../../../src/sync/essays/poll-essays.js';
import { drainOutbox } from '../../../src/outbox/outbox-worker.js';
import type { SyncDeps } from '../../../src/context.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createCourse, syncContext } from '../../support/course-fixture.js';
import { MemoryChat } from '../../support/memory-chat.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { startWordPressFake, type WordPressFake } from '../../../src/offline/wordpress-fake/index.js';

export let testDb: TestDb;
export let wp: WordPressFake;
export let chat: MemoryChat;
export let clock: ManualClock;
export let ctx: SyncDeps;
export let courseId: string;
export let postId: number;
export let threadId: string;
let nextMessageId = 5_000_000;

export function reply(content: string, extra: Partial<IncomingThreadMessage> = {}): IncomingThreadMessage {
  nextMessageId += 1;
  return {
    messageId: String(nextMessageId),
    threadId,
    authorId: '700000000000000001',
    authorDisplayName: 'Bea Reviewer',
    fromBotOrWebhook: false,
    isSystem: false,
    content,
    replyToMessageId: null,
    attachments: [],
    users: {},
    channels: {},
    roles: {},
    createdAt: clock.now(),
    ...extra,
  };
}

export const drain = () => drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
export const blogComments = () => wp.state.comments.filter((c) => c.postId === postId);

/** Call once at the top of a test file: builds the world before each test and closes it after. */
export function useCommentMirroringWorld(): void {
  beforeEach(async () => {
    testDb = await createTestDb();
    // Readers' blog comments are approved at once unless a test holds them (WordPress's "previously approved" rule off).
    wp = await startWordPressFake({ floodSeconds: 0, commentPreviouslyApproved: false });
    chat = new MemoryChat();
    clock = new ManualClock(new Date());
    ctx = syncContext(testDb.db, chat, clock);
    courseId = await createCourse(testDb.db, {
      blogUrl: wp.url,
      username: wp.users.bot.login,
      appPassword: wp.users.bot.appPassword,
      ingestSince: new Date(Date.now() - 60_000),
    });
    postId = (await wp.as('student1').publishPost({ title: 'On Reform', content: '<p>Essay.</p>' })).id;
    await pollCourseEssays(ctx, courseId);
    await drain();
    threadId = chat.threads[0]!.id;
  });

  afterEach(async () => {
    await wp.close();
    await testDb.close();
  });
}
