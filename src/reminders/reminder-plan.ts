// Loads what planReminders needs for one course and runs it: shared by the sweep and the preview,
// so "who would be reminded now" is exactly what the sweep would send.
import { planReminders, type ReminderPlan } from '../core/reminders/plan-reminders.js';
import type { QuietHours } from '../core/time/zoned.js';
import type { Db } from '../db/client.js';
import { reminderKey, stageName, stageTimes, type ReminderStage } from '../core/reminders/stages.js';
import { courseWithActiveRounds, type ActiveRound } from '../db/repositories/active-rounds.js';
import { recordedReminderKeys } from '../db/repositories/reminders.js';
import { studentTimeZones } from '../db/repositories/students.js';
import { openAssignmentBatches, type OpenAssignment } from './open-assignments.js';

export interface CourseForReminders {
  id: string;
  name: string;
  guildId: string;
  channelId: string;
  channelKind: string;
  status: string;
  timeZone: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  reminderStages: string;
  minCommentWords: number;
  digestHourLocal: number;
  reminderThreadId: string | null;
  staffChannelId: string | null;
  /** Its active rounds, read with the course so each step of the sweep need not ask again. */
  rounds: ActiveRound[];
}

export function loadCourse(db: Db, courseId: string): Promise<CourseForReminders> {
  return courseWithActiveRounds(db, courseId);
}

export function quietHoursOf(course: CourseForReminders): QuietHours | null {
  return course.quietHoursStart && course.quietHoursEnd ? { start: course.quietHoursStart, end: course.quietHoursEnd } : null;
}

export function stagesOf(course: CourseForReminders): number[] {
  return course.reminderStages
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((h) => Number.isFinite(h) && h > 0);
}

export type { OpenAssignment } from './open-assignments.js';

/** The latest stage whose time has come, per round; rounds before their first stage are left out. */
export function currentStages(rounds: readonly ActiveRound[], course: CourseForReminders, now: Date): Map<string, string> {
  const current = new Map<string, string>();
  for (const r of rounds) {
    let latest: string | undefined;
    for (const s of stageTimes(r.dueAt, stagesOf(course), course.timeZone)) if (s.scheduledFor.getTime() <= now.getTime()) latest = s.stage;
    if (latest) current.set(r.id, latest);
  }
  return current;
}

/**
 * Plans one course batch by batch (open-assignments.ts reads them by id cursor, so peak memory follows the
 * batch, not the course): only assignments still missing their round's current stage are read, with their
 * recorded keys, so planReminders sees the same facts as if every assignment had been loaded. Each
 * assignment's plan depends on that assignment alone, so planning per batch changes nothing.
 */
export async function* planForCourseInBatches(db: Db, course: CourseForReminders, now: Date): AsyncGenerator<{ plan: ReminderPlan; open: OpenAssignment[] }> {
  let zoneOf: Map<string, string | null> | undefined;
  const stageNames = [...stagesOf(course).map(stageName), stageName(0)];
  for await (const open of openAssignmentBatches(db, course.rounds, currentStages(course.rounds, course, now), { stageNames })) {
    if (course.quietHoursStart && course.quietHoursEnd) {
      // Quiet hours are each student's night: the few students who set their own zone are read once per course.
      zoneOf ??= await studentTimeZones(db, course.id);
      if (zoneOf.size) for (const a of open) a.timeZone = zoneOf.get(a.reviewerId) ?? null;
    }
    const plan = planReminders({
      now,
      courseTimeZone: course.timeZone,
      quietHours: quietHoursOf(course),
      stagesBeforeDue: stagesOf(course),
      assignments: open,
      alreadySent: await alreadyRecorded(db, open, stageNames),
    });
    yield { plan, open };
  }
}

/** The whole course's plan at once (the preview lists every line). */
export async function planForCourse(db: Db, course: CourseForReminders, now: Date): Promise<{ plan: ReminderPlan; open: OpenAssignment[] }> {
  const all: { plan: ReminderPlan; open: OpenAssignment[] } = { plan: { due: [], postponed: [], skipped: [] }, open: [] };
  for await (const { plan, open } of planForCourseInBatches(db, course, now)) {
    all.plan.due.push(...plan.due);
    all.plan.postponed.push(...plan.postponed);
    all.plan.skipped.push(...plan.skipped);
    all.open.push(...open);
  }
  return all;
}

/** Recorded reminder keys of a batch: essay rows brought theirs along; the few quota entries are looked up. */
async function alreadyRecorded(db: Db, open: readonly OpenAssignment[], stageNames: readonly ReminderStage[]): Promise<Set<string>> {
  const keys = await recordedReminderKeys(
    db,
    open.filter((a) => !a.recordedStages).flatMap((a) => stageNames.map((stage) => reminderKey(a.id, stage))),
  );
  for (const a of open) for (const stage of stageNames) if (a.recordedStages?.includes(stage)) keys.add(reminderKey(a.id, stage));
  return keys;
}
