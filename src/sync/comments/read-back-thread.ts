// Replies the bot could not act on when they were written. A reply's gateway event finds its essay by the
// thread's id, which the bot records only once Discord has answered the thread's creation: a reply written in
// between (the creating process died before recording, or its answer came slowly) was dropped as "not an
// essay thread", and nothing would ever have looked again. So the thread is read back once it is recorded,
// and each message goes through the same door as a live event. A reply already recorded is recognised by its
// message id, so reading back twice records nothing twice. After a gap (read-back-after-gap.ts) the same read
// also finds the edits and deletions the gap hid.
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.js';
import { recordedDiscordMessages, undeletedDiscordReplies } from '../../db/repositories/comments.js';
import { essayThreadId } from '../../db/repositories/essay-threads.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import { enqueueEffect } from '../../outbox/outbox-store.js';
import { onThreadReply, onThreadReplyDeleted, onThreadReplyEdited } from './mirror-discord-reply.js';

export const readBackThread = defineEffect({
  kind: 'discord.read_back_thread',
  payload: z.object({ essayId: z.string() }),
  async run(ctx, { essayId }) {
    const threadId = await essayThreadId(ctx.db, essayId);
    if (!threadId) return { result: { recorded: 0, edited: 0, deleted: 0 } };
    const { messages, wholeThread } = await ctx.chat.recentThreadMessages(threadId);
    const present = new Set(messages.map((m) => m.messageId));
    const known = await recordedDiscordMessages(ctx.db, [...present]);
    let recorded = 0;
    let edited = 0;
    let deleted = 0;
    // Oldest first: a reply to another reply finds its parent recorded.
    for (const message of messages) {
      if (!known.has(message.messageId)) {
        if ((await onThreadReply(ctx, message)) === 'mirrored') recorded += 1;
      } else if (message.editedAt && (await onThreadReplyEdited(ctx, message)) === 'updated') {
        edited += 1;
      }
    }
    // Replies deleted unseen: recorded, yet missing from a page that reaches back past them. Discord ids grow with
    // time, so "past them" is an id comparison. A missing message is trashed only once Discord itself says it is
    // gone: a reply written after the page was read, or a page the bot may not fully see, trashes nothing.
    const oldest = messages[0]?.messageId;
    const reachedBack = (id: string) => wholeThread || (oldest !== undefined && BigInt(id) > BigInt(oldest));
    const missing = (await undeletedDiscordReplies(ctx.db, essayId)).filter((id) => !present.has(id) && reachedBack(id));
    for (const id of missing) {
      if ((await ctx.chat.threadMessageGone(threadId, id)) && (await onThreadReplyDeleted(ctx, id)) === 'trashed') deleted += 1;
    }
    if (recorded + edited + deleted > 0) ctx.log.info({ essayId, recorded, edited, deleted }, 'thread read back: changes the bot had missed are recorded');
    return { result: { recorded, edited, deleted } };
  },
});

/** Queues a read-back of the essay's thread; each `reason` (its thread recorded, a new gateway session) is its own effect. */
export function enqueueThreadReadBack(tx: Tx | Db, input: { courseId: string; essayId: string; reason: string }, now: Date): Promise<void> {
  return enqueueEffect(
    tx,
    {
      courseId: input.courseId,
      kind: readBackThread.kind,
      dedupeKey: `read-back:${input.essayId}:${input.reason}`,
      orderKey: `read-back:${input.essayId}`,
      payload: { essayId: input.essayId },
    },
    now,
  );
}
