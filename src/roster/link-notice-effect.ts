// The student is told by DM when their blog account is linked (by a /link code they posted, or by staff), so
// nobody has to guess whether their blog comments now count. An outbox effect: recorded with the link in
// one transaction, sent once. A DM can carry no nonce, so a crash between Discord's answer and the record may
// repeat it once (at-least-once, as reminders; ADR 0003); closed DMs end it quietly (/status says it too).
import { z } from 'zod';
import { escapeDiscordText } from '../core/format/index.js';
import { linkNoticeRecipient } from '../db/repositories/link-claims.js';
import { ChatError } from '../ports/chat-port.js';
import { defineEffect } from '../outbox/effect-handler.js';
import { enqueueEffect, type Tx } from '../outbox/outbox-store.js';

export const linkNotice = defineEffect({
  kind: 'discord.link_notice',
  payload: z.object({ studentId: z.string(), blogUsername: z.string() }),
  async run(ctx, { studentId, blogUsername }) {
    const student = await linkNoticeRecipient(ctx.db, studentId);
    if (!student?.discordUserId) return { result: { skipped: 'no Discord account' } };
    const text =
      `Your blog account **${escapeDiscordText(blogUsername)}** is now linked to you in ${escapeDiscordText(student.course.name)}. ` +
      `Your essays and blog comments count for you from now on, including the ones you wrote before (a review needs at least ${student.course.minCommentWords} words). /status shows where you stand.`;
    try {
      return { result: { messageId: await ctx.chat.sendDirectMessage(student.discordUserId, text) } };
    } catch (error) {
      if (error instanceof ChatError && error.kind === 'dm_closed') return { result: { skipped: 'DMs closed' } };
      throw error;
    }
  },
});

/**
 * Queues the DM for a student's new link; `linkKey` names the link once (the confirmed claim, or the blog
 * account staff approved). A student's notices share the orderKey `student:<id>`: they go out in order.
 */
export function enqueueLinkNotice(tx: Tx, courseId: string, link: { studentId: string; blogUsername: string }, linkKey: string, now: Date): Promise<void> {
  const { studentId, blogUsername } = link;
  return enqueueEffect(
    tx,
    { courseId, kind: linkNotice.kind, dedupeKey: `link-notice:${linkKey}`, orderKey: `student:${studentId}`, payload: { studentId, blogUsername } },
    now,
  );
}
