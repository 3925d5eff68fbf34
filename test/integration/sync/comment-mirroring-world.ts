// Shared by the comment-mirroring tests (comment-mirroring-to-blog, comment-mirroring-to-thread and
// blog-comment-sweep): a course with one published essay and its thread on the WordPress fake (sync-world.ts),
// rebuilt before each test, exported as live bindings so each test reads this test's world; `reply` builds
// Bea's Discord reply the way the adapter does (thread-reply-fixture.ts).
import { afterEach, beforeEach } from 'vitest';
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import type { SyncDeps } from '../../../src/context.js';
import type { ManualClock } from '../../../src/shared/clock.js';
import type { MemoryChat } from '../../support/memory-chat.js';
import type { TestDb } from '../../support/test-db.js';
import type { WordPressFake } from '../../../src/offline/wordpress-fake/index.js';
import { bea, ThreadWorld } from './thread-reply-fixture.js';

export let testDb: TestDb;
export let wp: WordPressFake;
export let chat: MemoryChat;
export let clock: ManualClock;
export let ctx: SyncDeps;
export let courseId: string;
export let postId: number;
export let threadId: string;
const world = new ThreadWorld();

/** A new message by Bea in the essay's thread. */
export const reply = (content: string, extra: Partial<IncomingThreadMessage> = {}): IncomingThreadMessage => world.reply(bea, content, extra);

export const drain = () => world.drain();
export const blogComments = () => wp.state.comments.filter((c) => c.postId === postId);

/** Call once at the top of a test file: builds the world before each test and closes it after. */
export function useCommentMirroringWorld(): void {
  beforeEach(async () => {
    await world.start();
    ({ testDb, wp, chat, clock, ctx, courseId, postId, threadId } = world);
  });

  afterEach(() => world.close());
}
