// What to do with a student reminder whose sending was interrupted (crash, Discord down) when a later
// sweep picks it up again. Pure: the retry passes the clock and what it loaded. The first sweep
// planned the reminder outside quiet hours and as the latest stage; by the time of the retry either may
// no longer hold, so both are checked again here rather than trusting the recorded intent.
import { isWithinQuietHours, nextAllowedTime, type QuietHours } from '../time/zoned.js';
import { stageTimes, type ReminderStage } from './stages.js';

export type RetryDecision =
  | { action: 'send' }
  /** Inside quiet hours now: keep the intent pending until `until` (the end of quiet hours). */
  | { action: 'postpone'; until: Date }
  /** A later stage's time has come: that stage is (or will be) the student's reminder, not this one. */
  | { action: 'superseded'; by: ReminderStage };

export interface RetryInput {
  now: Date;
  stage: string;
  dueAt: Date;
  stagesBeforeDue: readonly number[];
  /** Stage times are counted on the course calendar, as the sweep plans them. */
  courseTimeZone: string;
  /** Quiet hours are the student's night: their own zone when they set one, else the course's. */
  quietTimeZone: string;
  quietHours: QuietHours | null;
}

export function planRetry(input: RetryInput): RetryDecision {
  const { now } = input;
  const times = stageTimes(input.dueAt, input.stagesBeforeDue, input.courseTimeZone);
  const mine = times.findIndex((s) => s.stage === input.stage);
  // Stages after this one (all of them when staff have since removed this stage) whose time has come.
  const come = times.slice(mine + 1).filter((s) => s.scheduledFor.getTime() <= now.getTime());
  const latest = come[come.length - 1];
  if (latest) return { action: 'superseded', by: latest.stage };
  if (isWithinQuietHours(now, input.quietTimeZone, input.quietHours)) {
    return { action: 'postpone', until: nextAllowedTime(now, input.quietTimeZone, input.quietHours) };
  }
  return { action: 'send' };
}
