import { z } from 'zod';
import { commentMirrorPlace, markCommentMirrored, setMirrorMessageIds } from '../../db/repositories/comment-mirrors.js';
import { ChatError } from '../../ports/chat-port.js';
import { defineEffect } from '../../outbox/effect-handler.js';
import type { SyncDeps } from '../../context.js';

async function threadRefFor(ctx: SyncDeps, commentId: string) {
  const comment = await commentMirrorPlace(ctx.db, commentId);
  const { essay } = comment;
  if (!essay.threadId) throw new ChatError('unavailable', 'the essay thread is not created yet');
  const ref = { guildId: essay.course.guildId, channelId: essay.course.channelId, threadId: essay.threadId, starterMessageId: essay.starterMessageId };
  return { ref, messageIds: z.array(z.string()).parse(JSON.parse(comment.mirrorMessageIds)) };
}

/**
 * Posts a blog comment into the thread under the commenter's name. Each message carries the comment's
 * link as `<url>` (the marker, delimited so `#comment-1` never matches `#comment-10`), which is how an
 * interrupted earlier try is found instead of posted twice.
 */
export const postBlogComment = defineEffect({
  kind: 'discord.post_blog_comment',
  payload: z.object({ commentId: z.string(), chunks: z.array(z.string()).min(1), username: z.string(), avatarUrl: z.string().nullable(), marker: z.string() }),
  async run(ctx, { commentId, chunks, username, avatarUrl, marker }, attempt) {
    const { ref, messageIds: already } = await threadRefFor(ctx, commentId);
    if (already.length >= chunks.length) return { result: { reused: true } };
    const ids = [...already];
    if (attempt > 1 && ids.length === 0) {
      const found = await ctx.chat.findRecentMessage(ref.threadId, marker);
      if (found) ids.push(found);
    }
    for (const chunk of chunks.slice(ids.length)) {
      ids.push(await ctx.chat.postAsWebhook(ref, { username, avatarUrl, content: chunk }));
      // Kept after each chunk, so a retry continues where it stopped.
      await setMirrorMessageIds(ctx.db, commentId, ids);
    }
    // The ids are recorded here too: a message found by its marker after an interrupted try is not posted in
    // the loop above, and a later edit or removal of the comment needs its id.
    return {
      result: { messageIds: ids },
      record: (tx) => markCommentMirrored(tx, commentId, ids),
    };
  },
});

/** A blog edit: the first mirror message takes the new text; extra chunks are edited or removed. */
export const editBlogCommentMirror = defineEffect({
  kind: 'discord.edit_blog_comment',
  payload: z.object({ commentId: z.string(), chunks: z.array(z.string()).min(1) }),
  async run(ctx, { commentId, chunks }) {
    const { ref, messageIds } = await threadRefFor(ctx, commentId);
    const kept: string[] = [];
    for (const [i, id] of messageIds.entries()) {
      if (i < chunks.length) {
        await ctx.chat.editWebhookMessage(ref, id, chunks[i]!);
        kept.push(id);
      } else await deleteQuietly(ctx, ref, id);
    }
    return { record: (tx) => setMirrorMessageIds(tx, commentId, kept) };
  },
});

/**
 * A blog comment held, trashed, marked spam or deleted: its mirror leaves the thread. The poll already
 * recorded the removal (deletedAt); this only forgets the messages, so a comment approved again meanwhile
 * (its repost queued behind this effect) is not marked removed again.
 */
export const deleteBlogCommentMirror = defineEffect({
  kind: 'discord.delete_blog_comment',
  payload: z.object({ commentId: z.string() }),
  async run(ctx, { commentId }) {
    const { ref, messageIds } = await threadRefFor(ctx, commentId);
    for (const id of messageIds) await deleteQuietly(ctx, ref, id);
    return { record: (tx) => setMirrorMessageIds(tx, commentId, []) };
  },
});

async function deleteQuietly(ctx: SyncDeps, ref: Parameters<SyncDeps['chat']['deleteWebhookMessage']>[0], id: string): Promise<void> {
  try {
    await ctx.chat.deleteWebhookMessage(ref, id);
  } catch (error) {
    if (!(error instanceof ChatError && error.kind === 'unknown_target')) throw error;
  }
}
