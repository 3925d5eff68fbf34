// A course with one published essay and its thread, on the WordPress fake (sync-world.ts), for the tests of
// Discord replies reaching the blog: replies by named people, built the way the Discord adapter builds them.
import type { IncomingThreadMessage } from '../../../src/ports/thread-message.js';
import { humanReply } from '../../support/incoming-reply.js';
import { EssayThreadWorld, useWorld } from './sync-world.js';

export interface Person {
  discordUserId: string;
  displayName: string;
}

export const bea: Person = { discordUserId: '700000000000000001', displayName: 'Bea Reviewer' };
export const cal: Person = { discordUserId: '700000000000000002', displayName: 'Cal Classmate' };
export const dee: Person = { discordUserId: '700000000000000003', displayName: 'Dee Student' };

let nextMessageId = 6_000_000;

export class ThreadWorld extends EssayThreadWorld {
  /** A new message by `author` in the essay's thread. */
  reply(author: Person, content: string, extra: Partial<IncomingThreadMessage> = {}): IncomingThreadMessage {
    nextMessageId += 1;
    return humanReply({
      messageId: String(nextMessageId),
      threadId: this.threadId,
      authorId: author.discordUserId,
      authorDisplayName: author.displayName,
      content,
      createdAt: this.clock.now(),
      editedAt: null,
      ...extra,
    });
  }

  /** Runs the outbox until nothing is due, moving the clock past every backoff in between. */
  async drainAll(rounds = 6): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await this.drain();
      this.clock.advance(2 * 3_600_000);
    }
  }

  /**
   * From now on the blog's createComment "dies" on the calls `dies` picks (counted from 0): WordPress has
   * accepted the comment, the bot never learns it (a process killed before it recorded the result).
   */
  killAfterTheBlogAccepts(dies: (call: number) => boolean): void {
    const realBlogFor = this.ctx.blogFor;
    let calls = 0;
    this.ctx.blogFor = async (id) => {
      const blog = await realBlogFor(id);
      return {
        ...blog,
        createComment: async (c) => {
          const created = await blog.createComment(c);
          if (dies(calls++)) throw new Error('simulated kill after the blog accepted the comment');
          return created;
        },
      };
    };
  }

  /** The comments on the essay as the blog shows them, oldest first. */
  blogComments(): Array<{ id: number; authorName: string; content: string; parentId: number; status: string }> {
    return this.wp.state.comments
      .filter((c) => c.postId === this.postId)
      .map((c) => ({ id: c.id, authorName: c.authorName, content: c.content, parentId: c.parentId, status: c.status }));
  }
}

/** Call once at the top of a test file: a thread world started before each test and closed after it. */
export const useThreadWorld = (): ThreadWorld => useWorld(new ThreadWorld());
