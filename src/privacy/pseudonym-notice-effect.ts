// Staff are told in their channel when a student asks for a pseudonym, and the student is told by DM when staff
// decide on it. An outbox effect recorded with the decision
// in one transaction, so the DM is sent once the decision is saved and survives a crash; closed DMs end it
// quietly (/status shows the decision too).
import { z } from 'zod';
import { escapeDiscordText } from '../core/format/index.js';
import { pseudonymNoticeRecipient, pseudonymRequestFacts } from '../db/repositories/privacy-students.js';
import { ChatError } from '../ports/chat-port.js';
import { defineEffect } from '../outbox/effect-handler.js';
import { enqueueEffect, type Tx } from '../outbox/outbox-store.js';

export const pseudonymNotice = defineEffect({
  kind: 'discord.pseudonym_notice',
  payload: z.object({ studentId: z.string(), pseudonym: z.string(), approved: z.boolean() }),
  async run(ctx, { studentId, pseudonym, approved }) {
    const student = await pseudonymNoticeRecipient(ctx.db, studentId);
    if (!student?.discordUserId) return { result: { skipped: 'no Discord account' } };
    const course = escapeDiscordText(student.course.name);
    const name = escapeDiscordText(pseudonym);
    const text = approved
      ? `Your pseudonym **${name}** was approved in ${course}: your thread replies appear on the blog under it from now on.`
      : `Your pseudonym **${name}** was not approved by the staff of ${course}. Your replies keep the course default name on the blog; choose another with \`/privacy name\`.`;
    try {
      return { result: { messageId: await ctx.chat.sendDirectMessage(student.discordUserId, text) } };
    } catch (error) {
      if (error instanceof ChatError && error.kind === 'dm_closed') return { result: { skipped: 'DMs closed' } };
      throw error;
    }
  },
});

/** A new pseudonym request, posted in the staff channel with the command that decides it (at least once). */
export const pseudonymRequestNotice = defineEffect({
  kind: 'discord.pseudonym_request',
  payload: z.object({ studentId: z.string(), pseudonym: z.string() }),
  async run(ctx, { studentId, pseudonym }) {
    const student = await pseudonymRequestFacts(ctx.db, studentId);
    if (!student?.course.staffChannelId) return { result: { skipped: 'no staff channel' } };
    // Decided (or replaced) before this ran: nothing left to ask staff.
    if (student.pseudonymStatus !== 'pending' || student.pseudonym !== pseudonym) return { result: { skipped: 'no longer pending' } };
    const who = student.discordUserId ? `<@${student.discordUserId}>` : escapeDiscordText(student.displayName);
    const text = `🪪 ${escapeDiscordText(student.displayName)} asks to appear on the blog as **${escapeDiscordText(pseudonym)}**. Decide with \`/privacy pseudonym-decision student:${who} decision:approve\` (or reject); \`/privacy pseudonyms\` lists every waiting request.`;
    return { result: { messageId: await ctx.chat.sendChannelMessage(student.course.staffChannelId, { content: text }) } };
  },
});

/**
 * Queues one of these notices about a student's pseudonym, once per request or decision (its time is in the
 * dedupeKey). A student's notices share the orderKey `student:<id>`, so they go out in the order recorded.
 */
export function enqueuePseudonymNotice(
  tx: Tx,
  about: { courseId: string; studentId: string; now: Date },
  notice: { kind: string; dedupePrefix: string; payload: { pseudonym: string; approved?: boolean } },
): Promise<void> {
  const { courseId, studentId, now } = about;
  return enqueueEffect(
    tx,
    {
      courseId,
      kind: notice.kind,
      dedupeKey: `${notice.dedupePrefix}:${studentId}:${now.getTime()}`,
      orderKey: `student:${studentId}`,
      payload: { studentId, ...notice.payload },
    },
    now,
  );
}
