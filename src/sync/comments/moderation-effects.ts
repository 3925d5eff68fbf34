import { z } from 'zod';
import { commentMarkTarget, setCommentBlogStatus } from '../../db/repositories/comments.js';
import { defineEffect } from '../../outbox/effect-handler.js';

/** Reactions that show, on the student's Discord message, what WordPress did with the mirrored comment. */
export const moderationEmoji = { hold: '⏳', rejected: '🚫' } as const;

/** Held: ⏳. Approved: no mark. Spam or trash: 🚫. Idempotent (PUT/DELETE of the bot's own reaction). */
export const moderationMark = defineEffect({
  kind: 'discord.moderation_mark',
  payload: z.object({ commentId: z.string(), status: z.enum(['approved', 'hold', 'spam', 'trash']) }),
  async run(ctx, { commentId, status }) {
    const comment = await commentMarkTarget(ctx.db, commentId);
    const threadId = comment.essay.threadId;
    if (!comment.discordMessageId || !threadId) return { result: { skipped: true } };
    const held = status === 'hold';
    const rejected = status === 'spam' || status === 'trash';
    await ctx.chat.setReaction(threadId, comment.discordMessageId, moderationEmoji.hold, held);
    await ctx.chat.setReaction(threadId, comment.discordMessageId, moderationEmoji.rejected, rejected);
    return { record: (tx) => setCommentBlogStatus(tx, commentId, status) };
  },
});
