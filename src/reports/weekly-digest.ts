// The weekly participation digest for a course's staff channel: at most once per course per ISO
// week. The intent is recorded first (Reminder row, unique dedupeKey, fenced by the course lease),
// so a restart or a second process never posts it twice. A send whose result is unknown (process
// killed mid-call) is not repeated: a missing digest is better than a doubled one in a staff channel.
import { isoWeek } from '../core/participation/iso-week.js';
import { zonedTimeToUtc } from '../core/time/zoned.js';
import type { Context } from '../context.js';
import type { Tx } from '../db/client.js';
import { isUniqueViolation } from '../db/db-errors.js';
import {
  claimDigestRetry,
  courseForDigest,
  digestRecord,
  insertDigestIntent,
  markDigestFailed,
  markDigestSent,
  noteDigestError,
} from '../db/repositories/report-reminders.js';
import { inTransaction } from '../db/transaction.js';
import { ChatError } from '../ports/chat-port.js';
import { participationCsv, participationChart, toParticipationRows, toWeeklyPoints } from './render/index.js';
import { redactEmails } from './render/text-cells.js';
import { participationReport } from './load-participation.js';
import { participationSummary } from './participation-output.js';
import { quote } from './health-report.js';

export type DigestDeps = Pick<Context, 'db' | 'chat' | 'log'> & {
  /** The course lease check, run in the transaction that records the intent. */
  fence?: (tx: Tx) => Promise<void>;
};

export type WeeklyDigestOutcome =
  'sent' | 'failed' | 'retry' | 'not_yet' | 'already_done' | 'in_progress' | 'interrupted' | 'no_staff_channel' | 'inactive' | 'taken';

/** A send that started this long ago without an outcome was interrupted. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export const weeklyDigestKey = (courseId: string, week: string) => `${courseId}:weekly_digest:${week}`;

/** This ISO week's digest moment: weekday (1 = Monday … 7 = Sunday; 0 also means Sunday) at hour:00, course time. */
export function digestMoment(now: Date, timeZone: string, weekday: number, hour: number): { week: string; at: Date } {
  const w = isoWeek(now, timeZone);
  const monday = new Date(w.mondayMs);
  const offset = (weekday + 6) % 7; // Monday 0 … Sunday 6
  const at = zonedTimeToUtc({ y: monday.getUTCFullYear(), m: monday.getUTCMonth() + 1, d: monday.getUTCDate() + offset, h: hour, min: 0 }, timeZone);
  return { week: w.week, at };
}

type DigestCourse = { id: string; name: string; timeZone: string; staffChannelId: string | null };

async function deliver(deps: DigestDeps, course: DigestCourse, reminderId: string, week: string, now: Date): Promise<'sent' | 'failed' | 'retry'> {
  try {
    const report = await participationReport(deps.db, { courseId: course.id, now });
    const rows = toParticipationRows(report.students).map((r) => ({ ...r, studentName: redactEmails(r.studentName) }));
    const title = `Weekly digest — ${course.name} — ${week}`;
    const chart = await participationChart(rows, toWeeklyPoints(report.weekly), { title, log: deps.log });
    const content = `**${quote(title, 200)}**\n${participationSummary(report)}\n-# Per-student numbers in the CSV (no e-mail addresses); the full report: /report participation`;
    const messageId = await deps.chat.sendChannelMessage(course.staffChannelId!, {
      content,
      pingUserIds: [],
      files: [
        ...(chart ? [{ name: `weekly-digest-${week}.png`, data: chart.png, description: chart.description }] : []), // no image of empty axes
        { name: `weekly-digest-${week}.csv`, data: await participationCsv(rows, { includeEmail: false }) },
      ],
    });
    await markDigestSent(deps.db, reminderId, { messageId, now });
    return 'sent';
  } catch (error) {
    // An error answer means Discord did not post it: retried by the next run. (Only a crash, which leaves no
    // error recorded, is treated as "result unknown".) Errors that are not ChatError, such as a 5xx the
    // adapter did not map, are treated as transient too rather than losing the week's digest.
    const chatError = error instanceof ChatError ? error : null;
    const message = (chatError ? `${chatError.kind}: ${chatError.message}` : `unexpected: ${String((error as Error).message ?? error)}`).slice(0, 500);
    if (!chatError || chatError.transient) {
      deps.log.warn({ courseId: course.id, error: message }, 'weekly digest not sent yet; retried by the next run');
      await noteDigestError(deps.db, reminderId, message);
      return 'retry';
    }
    await markDigestFailed(deps.db, reminderId, message);
    deps.log.warn({ courseId: course.id, error: message }, 'weekly digest not delivered');
    return 'failed';
  }
}

async function recordIntent(deps: DigestDeps, data: { courseId: string; key: string; scheduledFor: Date; now: Date }): Promise<string | null> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      if (deps.fence) await deps.fence(tx);
      return insertDigestIntent(tx, { courseId: data.courseId, dedupeKey: data.key, scheduledFor: data.scheduledFor, now: data.now });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function runWeeklyDigest(deps: DigestDeps, courseId: string, now: Date): Promise<WeeklyDigestOutcome> {
  const course = await courseForDigest(deps.db, courseId);
  if ((course.status !== 'active' && course.status !== 'flagged') || course.purgedAt) return 'inactive';
  const { week, at } = digestMoment(now, course.timeZone, course.digestWeekday, course.digestHourLocal);
  const key = weeklyDigestKey(courseId, week);
  const existing = await digestRecord(deps.db, key);
  if (existing) {
    if (existing.status !== 'pending') return 'already_done';
    if (existing.lastError) {
      // Discord was down last time: claim the retry (fenced, conditional on the error we read) so only one
      // process sends it; clearing the error first makes a crash during the call read as "interrupted".
      const claimed = await inTransaction(deps.db, async (tx) => {
        if (deps.fence) await deps.fence(tx);
        return claimDigestRetry(tx, existing);
      });
      return claimed ? deliver(deps, course, existing.id, week, now) : 'taken';
    }
    if (now.getTime() - existing.createdAt.getTime() < INTERRUPTED_AFTER_MS) return 'in_progress';
    await markDigestFailed(deps.db, existing.id, 'interrupted while sending; not re-sent so it cannot appear twice');
    return 'interrupted';
  }
  if (now.getTime() < at.getTime()) return 'not_yet';
  if (!course.staffChannelId) return 'no_staff_channel';
  const id = await recordIntent(deps, { courseId, key, scheduledFor: at, now });
  if (!id) return 'taken';
  return deliver(deps, course, id, week, now);
}
