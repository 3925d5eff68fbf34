// The staff digest of overdue reviews: at most once per local day, at or after the configured hour.
import { localDateKey, localParts } from '../time/zoned.js';
import type { ReminderAssignment } from './plan-reminders.js';

export interface OverdueItem {
  assignmentId: string;
  reviewerId: string;
  dueAt: Date;
  overdueMs: number;
}

export interface OverdueDigestPlan {
  send: boolean;
  /** The local date ('YYYY-MM-DD') to record as lastDigestDate once sent. */
  localDate: string;
  overdue: OverdueItem[];
  reason: 'sent_today' | 'before_hour' | 'nothing_overdue' | 'due';
}

export function planOverdueDigest(input: {
  now: Date;
  timeZone: string;
  assignments: readonly ReminderAssignment[];
  /** 0..23 in the course time zone. */
  digestHourLocal: number;
  lastDigestDate: string | null;
}): OverdueDigestPlan {
  const { now, timeZone } = input;
  const localDate = localDateKey(now, timeZone);
  const t = now.getTime();
  const overdue = input.assignments
    .filter((a) => !a.cancelled && a.dueAt.getTime() <= t && !(a.completedAt && a.completedAt.getTime() <= t))
    .map((a) => ({ assignmentId: a.id, reviewerId: a.reviewerId, dueAt: a.dueAt, overdueMs: t - a.dueAt.getTime() }))
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || (x.reviewerId < y.reviewerId ? -1 : x.reviewerId > y.reviewerId ? 1 : 0));
  const result = (send: boolean, reason: OverdueDigestPlan['reason']): OverdueDigestPlan => ({ send, localDate, overdue, reason });
  if (input.lastDigestDate === localDate) return result(false, 'sent_today');
  // ">=" rather than "==": a sweep may miss the exact hour, and a DST gap may skip it entirely.
  if (localParts(now, timeZone).h < input.digestHourLocal) return result(false, 'before_hour');
  if (overdue.length === 0) return result(false, 'nothing_overdue');
  return result(true, 'due');
}
