// Round-confirm notices: recorded with the round (one per student who owes reviews), sent while staff wait
// for the confirm reply, and summed up for that reply: who was told, whose DMs are closed, what still waits.
import type { Db, Tx } from '../db/client.js';
import { noticeItemsByKeyPrefix } from '../db/repositories/round-notices.js';
import { studentNamesByIds } from '../db/repositories/students.js';
import { effectHandlers } from '../sync/effect-registry.js';
import { drainOutbox } from '../outbox/outbox-worker.js';
import { enqueueEffect } from '../outbox/outbox-store.js';
import type { SyncDeps } from '../context.js';
import { ROUND_NOTICE_KIND, roundNoticeKey } from './round-notice-effect.js';

export async function recordRoundNotices(tx: Tx, input: { courseId: string; roundId: string; reviewerIds: string[]; now: Date }): Promise<void> {
  for (const studentId of new Set(input.reviewerIds)) {
    await enqueueEffect(
      tx,
      {
        courseId: input.courseId,
        kind: ROUND_NOTICE_KIND,
        dedupeKey: roundNoticeKey(input.roundId, studentId),
        orderKey: `student:${studentId}`,
        payload: { roundId: input.roundId, studentId },
      },
      input.now,
    );
  }
}

export interface NoticeSummary {
  told: number;
  dmClosed: string[];
  noDiscord: string[];
  refused: string[];
  waiting: number;
}

/** Sends the round's notices that are ready now (others are sent by the course's outbox later) and sums up all of them. */
export async function sendRoundNotices(ctx: SyncDeps, input: { courseId: string; roundId: string }): Promise<NoticeSummary> {
  try {
    await drainOutbox(ctx, effectHandlers, { courseIds: [input.courseId], kinds: [ROUND_NOTICE_KIND], budget: 1_000 });
  } catch (error) {
    // The round is saved and its notices recorded: the course's outbox sends them; the reply counts them as waiting.
    ctx.log.warn({ err: error, roundId: input.roundId }, 'round notices not sent while staff waited');
  }
  return summarizeRoundNotices(ctx.db, input.roundId);
}

export async function summarizeRoundNotices(db: Db, roundId: string): Promise<NoticeSummary> {
  const rows = await noticeItemsByKeyPrefix(db, roundNoticeKey(roundId, ''));
  const ids = rows.map((r) => r.dedupeKey.slice(roundNoticeKey(roundId, '').length));
  const names = await studentNamesByIds(db, ids);
  const summary: NoticeSummary = { told: 0, dmClosed: [], noDiscord: [], refused: [], waiting: 0 };
  rows.forEach((row, i) => {
    const name = names.get(ids[i]!) ?? 'a removed student';
    if (row.status !== 'done') return void summary.waiting++;
    const result = row.result ? (JSON.parse(row.result) as { messageId?: string; skipped?: string }) : {};
    if (result.messageId) summary.told++;
    else if (result.skipped === 'dm_closed') summary.dmClosed.push(name);
    else if (result.skipped === 'no_discord') summary.noDiscord.push(name);
    else if (result.skipped?.startsWith('refused')) summary.refused.push(name);
  });
  for (const list of [summary.dmClosed, summary.noDiscord, summary.refused]) list.sort((a, b) => a.localeCompare(b));
  return summary;
}

/** Lines for the confirm reply; every student who was not told is named, with what staff can do. */
export function renderNoticeSummary(s: NoticeSummary): string {
  const lines = [`Told by DM which essays they review and by when: ${s.told} student(s).`];
  if (s.dmClosed.length)
    lines.push(
      `⚠️ DMs closed, not told: ${s.dmClosed.join(', ')}. Tell them another way; their reminders go to the course's reminder thread and /status lists their reviews.`,
    );
  if (s.noDiscord.length)
    lines.push(`⚠️ No Discord account on the roster, not told: ${s.noDiscord.join(', ')}. Add it with /roster add (user:) so they get reminders.`);
  if (s.refused.length) lines.push(`⚠️ Discord refused the DM to: ${s.refused.join(', ')}.`);
  if (s.waiting) lines.push(`${s.waiting} notice(s) wait for Discord and are sent automatically (once each).`);
  return lines.join('\n');
}
