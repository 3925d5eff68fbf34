// A course with one published essay and its thread, on the WordPress fake, for the tests of Discord
// replies reaching the blog. Replies are built the way the Discord adapter builds them.
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

export interface ThreadWorld {
  testDb: TestDb;
  wp: WordPressFake;
  clock: ManualClock;
  ctx: SyncDeps;
  courseId: string;
  postId: number;
  threadId: string;
  /** A new message by `author` in the essay's thread. */
  reply(author: Person, content: string, extra?: Partial<IncomingThreadMessage>): IncomingThreadMessage;
  /** Runs the outbox until nothing is due, moving the clock past every backoff in between. */
  drainAll(rounds?: number): Promise<void>;
  /** The comments on the essay as the blog shows them, oldest first. */
  blogComments(): Array<{ id: number; authorName: string; content: string; parentId: number; status: string }>;
  close(): Promise<void>;
}

export interface Person {
  discordUserId: string;
  displayName: string;
}

export const bea: Person = { discordUserId: '700000000000000001', displayName: 'Bea Reviewer' };
export const cal: Person = { discordUserId: '700000000000000002', displayName: 'Cal Classmate' };
export const dee: Person = { discordUserId: '700000000000000003', displayName: 'Dee Student' };

let nextMessageId = 6_000_000;

export async function startThreadWorld(): Promise<ThreadWorld> {
  const testDb = await createTestDb();
  const wp = await startWordPressFake({ floodSeconds: 0, commentPreviouslyApproved: false });
  const chat = new MemoryChat();
  const clock = new ManualClock(new Date());
  const ctx = syncContext(testDb.db, chat, clock);
  const courseId = await createCourse(testDb.db, {
    blogUrl: wp.url,
    username: wp.users.bot.login,
    appPassword: wp.users.bot.appPassword,
    ingestSince: new Date(Date.now() - 60_000),
  });
  const postId = (await wp.as('student1').publishPost({ title: 'On Reform', content: '<p>Essay.</p>' })).id;
  await pollCourseEssays(ctx, courseId);
  await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
  const threadId = chat.threads[0]!.id;
  return {
    testDb,
    wp,
    clock,
    ctx,
    courseId,
    postId,
    threadId,
    reply(author, content, extra = {}) {
      nextMessageId += 1;
      return {
        messageId: String(nextMessageId),
        threadId,
        authorId: author.discordUserId,
        authorDisplayName: author.displayName,
        fromBotOrWebhook: false,
        isSystem: false,
        content,
        replyToMessageId: null,
        attachments: [],
        users: {},
        channels: {},
        roles: {},
        createdAt: clock.now(),
        editedAt: null,
        ...extra,
      };
    },
    async drainAll(rounds = 6) {
      for (let round = 0; round < rounds; round += 1) {
        await drainOutbox(ctx, effectHandlers, { courseIds: [courseId] });
        clock.advance(2 * 3_600_000);
      }
    },
    blogComments: () =>
      wp.state.comments
        .filter((c) => c.postId === postId)
        .map((c) => ({ id: c.id, authorName: c.authorName, content: c.content, parentId: c.parentId, status: c.status })),
    async close() {
      await wp.close();
      await testDb.close();
    },
  };
}
