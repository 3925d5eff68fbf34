// Which reminders should go out now. Pure: the sweep job passes the clock, the assignments and the
// keys already recorded, and records what it sends under the same keys (intent first).
import { isWithinQuietHours, nextAllowedTime, type QuietHours } from '../time/zoned.js';
import { DEFAULT_STAGES_BEFORE_DUE, reminderKey, stageTimes, type ReminderStage, type StageTime } from './stages.js';

export interface ReminderAssignment {
  id: string;
  reviewerId: string;
  dueAt: Date;
  completedAt: Date | null;
  cancelled: boolean;
  /** The reviewer's own zone when they set one: quiet hours are their night (stages stay on the course calendar). */
  timeZone?: string | null;
}

export interface PlanRemindersInput {
  now: Date;
  courseTimeZone: string;
  quietHours: QuietHours | null;
  stagesBeforeDue?: readonly number[];
  assignments: readonly ReminderAssignment[];
  alreadySent: { has(key: string): boolean };
}

interface PlannedBase {
  key: string;
  assignmentId: string;
  reviewerId: string;
  stage: ReminderStage;
  scheduledFor: Date;
  dueAt: Date;
}

export interface DueReminder extends PlannedBase {
  /** scheduledFor, or the end of quiet hours when it fell inside them. */
  sendAt: Date;
}

export interface PostponedReminder extends PlannedBase {
  reason: 'quiet_hours';
  nextAllowedAt: Date;
}

/** An earlier stage not sent because a later one is already due (e.g. after downtime or a late assignment). */
export interface SkippedReminder extends PlannedBase {
  reason: 'superseded';
  supersededBy: ReminderStage;
}

export interface ReminderPlan {
  due: DueReminder[];
  postponed: PostponedReminder[];
  skipped: SkippedReminder[];
}

export function planReminders(input: PlanRemindersInput): ReminderPlan {
  const { now, courseTimeZone: tz, quietHours } = input;
  const stages = input.stagesBeforeDue ?? DEFAULT_STAGES_BEFORE_DUE;
  const plan: ReminderPlan = { due: [], postponed: [], skipped: [] };
  // Many assignments share a deadline and a zone; time-zone maths is the costly part, so do it once each.
  const scheduleCache = new Map<number, StageTime[]>();
  const quietCache = new Map<string, Date | null>();
  /** When quiet hours in this zone end, or null when it is not quiet there now. */
  const quietUntil = (zone: string): Date | null => {
    let q = quietCache.get(zone);
    if (q === undefined) quietCache.set(zone, (q = isWithinQuietHours(now, zone, quietHours) ? nextAllowedTime(now, zone, quietHours) : null));
    return q;
  };
  const allowedCache = new Map<string, Date>();
  const allowed = (d: Date, zone: string): Date => {
    const k = `${zone}|${d.getTime()}`;
    let a = allowedCache.get(k);
    if (!a) allowedCache.set(k, (a = nextAllowedTime(d, zone, quietHours)));
    return a;
  };
  const t = now.getTime();
  for (const a of input.assignments) {
    if (a.cancelled || (a.completedAt && a.completedAt.getTime() <= t)) continue;
    let times = scheduleCache.get(a.dueAt.getTime());
    if (!times) scheduleCache.set(a.dueAt.getTime(), (times = stageTimes(a.dueAt, stages, tz)));
    // Only the latest stage that has come is sent: after downtime, or for an assignment created late,
    // the student gets one reminder, not a burst of stale ones.
    let latest = -1;
    for (let i = 0; i < times.length; i++) if (times[i]!.scheduledFor.getTime() <= t) latest = i;
    if (latest < 0) continue;
    const current = times[latest]!;
    for (let i = 0; i < latest; i++) {
      const s = times[i]!;
      const key = reminderKey(a.id, s.stage);
      if (input.alreadySent.has(key)) continue;
      plan.skipped.push({
        key,
        assignmentId: a.id,
        reviewerId: a.reviewerId,
        stage: s.stage,
        scheduledFor: s.scheduledFor,
        dueAt: a.dueAt,
        reason: 'superseded',
        supersededBy: current.stage,
      });
    }
    const key = reminderKey(a.id, current.stage);
    if (input.alreadySent.has(key)) continue;
    // Objects are built field by field (no spreads): a sweep may plan 100k+ rows.
    const zone = a.timeZone ?? tz;
    const resumeAt = quietUntil(zone);
    if (resumeAt) {
      plan.postponed.push({
        key,
        assignmentId: a.id,
        reviewerId: a.reviewerId,
        stage: current.stage,
        scheduledFor: current.scheduledFor,
        dueAt: a.dueAt,
        reason: 'quiet_hours',
        nextAllowedAt: resumeAt,
      });
    } else {
      plan.due.push({
        key,
        assignmentId: a.id,
        reviewerId: a.reviewerId,
        stage: current.stage,
        scheduledFor: current.scheduledFor,
        dueAt: a.dueAt,
        sendAt: allowed(current.scheduledFor, zone),
      });
    }
  }
  return plan;
}
