// Each student is told once, by DM, which essays they review in a round just confirmed. An outbox effect
// recorded in the confirm transaction (dedupeKey per round and student), so a retried confirm or a restart
// never tells anyone twice. The DM carries a nonce derived from that key: a retry after a crash between
// Discord's answer and the record (the claim expires within a minute) returns the first DM instead of
// sending a second one. Closed DMs are remembered on the student (reminders then go to the course thread)
// and reported to staff in the confirm reply.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { essaysOwedInRound, roundNoticeFacts } from '../db/repositories/round-notices.js';
import { setDmClosedAt } from '../db/repositories/students.js';
import { ChatError } from '../ports/chat-port.js';
import { defineEffect } from '../outbox/effect-handler.js';
import { roundNoticeText } from './round-notice-text.js';

export const ROUND_NOTICE_KIND = 'discord.round_notice';

export const roundNoticeKey = (roundId: string, studentId: string) => `round-notice:${roundId}:${studentId}`;

/** Discord nonces are at most 25 characters. */
const nonceFor = (roundId: string, studentId: string) => `rn${createHash('sha256').update(roundNoticeKey(roundId, studentId)).digest('hex').slice(0, 23)}`;

export const roundNotice = defineEffect({
  kind: ROUND_NOTICE_KIND,
  payload: z.object({ roundId: z.string(), studentId: z.string() }),
  async run(ctx, { roundId, studentId }) {
    const { round, student } = await roundNoticeFacts(ctx.db, roundId, studentId);
    if (!round || round.status === 'cancelled' || !student) return { result: { skipped: 'round_or_student_gone' } };
    if (!student.discordUserId) return { result: { skipped: 'no_discord' } };
    const owed = await essaysOwedInRound(ctx.db, roundId, studentId);
    if (owed.length === 0) return { result: { skipped: 'nothing_owed' } };
    const essays = owed.flatMap((a) =>
      a.essay
        ? [
            {
              title: a.essay.title,
              url: a.essay.url,
              threadId: a.essay.threadId,
              authorName: a.essay.author?.displayName ?? a.essay.authorName ?? 'a classmate',
            },
          ]
        : [],
    );
    const c = round.course;
    const text = roundNoticeText({
      courseName: c.name,
      roundName: round.name,
      guildId: c.guildId,
      essayChannelId: c.channelId,
      dueAt: round.dueAt,
      timeZone: student.timeZone ?? c.timeZone,
      minWords: c.minCommentWords,
      essays,
      quota: owed.length,
    });
    try {
      return { result: { messageId: await ctx.chat.sendDirectMessage(student.discordUserId, text, { nonce: nonceFor(roundId, studentId) }) } };
    } catch (error) {
      if (!(error instanceof ChatError) || error.transient) throw error;
      if (error.kind === 'dm_closed') {
        await setDmClosedAt(ctx.db, studentId, ctx.clock.now());
        return { result: { skipped: 'dm_closed' } };
      }
      // Discord refused for good (unknown user, bot blocked): retrying cannot help; staff see it in the reply.
      return { result: { skipped: `refused: ${error.message}`.slice(0, 200) } };
    }
  },
});
