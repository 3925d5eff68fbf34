// Reminder stages: N hours before due (default 48, 24, 2) and at due. Whole-day stages are counted on
// the course's local calendar ("the day before, same time"), so a DST change between the reminder and
// the deadline does not shift it by an hour; other stages are plain elapsed hours.
import { addLocalDays } from '../time/zoned.js';

export type ReminderStage = `before_${number}h` | 'at_due';

export const DEFAULT_STAGES_BEFORE_DUE: readonly number[] = [48, 24, 2];

export interface StageTime {
  stage: ReminderStage;
  scheduledFor: Date;
}

export function stageName(hoursBeforeDue: number): ReminderStage {
  return hoursBeforeDue === 0 ? 'at_due' : `before_${hoursBeforeDue}h`;
}

/** What a stage appends to an assignment id in a reminder's dedupeKey. The sweep's query in src/db appends it in SQL. */
export function reminderKeySuffix(stage: string): string {
  return `:${stage}`;
}

/** A reminder's dedupeKey: one stage of one assignment (of a quota reviewer's anchor row), sent at most once. */
export function reminderKey(assignmentId: string, stage: ReminderStage): string {
  return assignmentId + reminderKeySuffix(stage);
}

/** Stage times for one deadline, earliest first. */
export function stageTimes(dueAt: Date, stagesBeforeDue: readonly number[], timeZone: string): StageTime[] {
  const hours = [...new Set(stagesBeforeDue.filter((h) => Number.isFinite(h) && h > 0))].sort((a, b) => b - a);
  const out: StageTime[] = hours.map((h) => ({ stage: stageName(h), scheduledFor: hoursBefore(dueAt, h, timeZone) }));
  out.push({ stage: 'at_due', scheduledFor: dueAt });
  return out.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}

function hoursBefore(dueAt: Date, h: number, timeZone: string): Date {
  if (h % 24 !== 0) return new Date(dueAt.getTime() - h * 3_600_000);
  const subMinute = dueAt.getTime() % 60_000; // wall-clock arithmetic works in minutes; keep the rest
  return new Date(addLocalDays(dueAt, -h / 24, timeZone).getTime() + subMinute);
}
