// Loads what planReminders needs for one course and runs it: shared by the sweep and the preview,
// so "who would be reminded now" is exactly what the sweep would send.
import { planReminders, type ReminderAssignment, type ReminderPlan } from '../core/reminders/plan-reminders.js';
import type { QuietHours } from '../core/time/zoned.js';
import type { Db } from '../db/client.js';
import { quotaSlotNumber } from '../reviews/round-plan.js';

export interface CourseForReminders {
  id: string;
  name: string;
  guildId: string;
  channelId: string;
  status: string;
  timeZone: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  reminderStages: string;
  minCommentWords: number;
  digestHourLocal: number;
  reminderThreadId: string | null;
  staffChannelId: string | null;
}

export async function loadCourse(db: Db, courseId: string): Promise<CourseForReminders> {
  return db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      id: true, name: true, guildId: true, channelId: true, status: true, timeZone: true, quietHoursStart: true, quietHoursEnd: true,
      reminderStages: true, minCommentWords: true, digestHourLocal: true, reminderThreadId: true, staffChannelId: true,
    },
  });
}

export function quietHoursOf(course: CourseForReminders): QuietHours | null {
  return course.quietHoursStart && course.quietHoursEnd ? { start: course.quietHoursStart, end: course.quietHoursEnd } : null;
}

export function stagesOf(course: CourseForReminders): number[] {
  return course.reminderStages.split(',').map((s) => Number(s.trim())).filter((h) => Number.isFinite(h) && h > 0);
}

export interface OpenAssignment extends ReminderAssignment {
  roundId: string;
  essayId: string | null;
  slotKey: string;
  /** Quota: slots still open (peer essays still to comment on); 1 for an essay assignment. */
  pendingSlots: number;
}

/**
 * Pending assignments of active rounds. A quota reviewer has one row per slot but is reminded once
 * per stage: the group is planned under its "quota:1" row's id (the anchor, whatever its status), so
 * finishing slot 1 does not start the stages again for slot 2.
 */
export async function openAssignments(db: Db, courseId: string): Promise<OpenAssignment[]> {
  const rows = await db.assignment.findMany({
    where: { status: 'pending', round: { courseId, status: 'active' } },
    select: { id: true, roundId: true, reviewerStudentId: true, essayId: true, slotKey: true, round: { select: { dueAt: true } } },
  });
  const groups = new Map<string, { n: number; row: (typeof rows)[number]; pending: number }>();
  const out: OpenAssignment[] = [];
  for (const r of rows) {
    const n = quotaSlotNumber(r.slotKey);
    if (n === null) {
      out.push({ id: r.id, roundId: r.roundId, reviewerId: r.reviewerStudentId, essayId: r.essayId, slotKey: r.slotKey, dueAt: r.round.dueAt, completedAt: null, cancelled: false, pendingSlots: 1 });
      continue;
    }
    const key = `${r.roundId}|${r.reviewerStudentId}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { n, row: r, pending: 1 });
    else {
      g.pending++;
      if (n < g.n) Object.assign(g, { n, row: r });
    }
  }
  if (groups.size === 0) return out;
  const anchors = await db.assignment.findMany({
    where: { roundId: { in: [...new Set([...groups.values()].map((g) => g.row.roundId))] }, slotKey: 'quota:1' },
    select: { id: true, roundId: true, reviewerStudentId: true },
  });
  const anchorOf = new Map(anchors.map((a) => [`${a.roundId}|${a.reviewerStudentId}`, a.id]));
  for (const [key, g] of groups) {
    const r = g.row;
    out.push({ id: anchorOf.get(key) ?? r.id, roundId: r.roundId, reviewerId: r.reviewerStudentId, essayId: null, slotKey: r.slotKey, dueAt: r.round.dueAt, completedAt: null, cancelled: false, pendingSlots: g.pending });
  }
  return out;
}

export async function sentKeys(db: Db, courseId: string): Promise<Set<string>> {
  const rows = await db.reminder.findMany({ where: { courseId, assignmentId: { not: null } }, select: { dedupeKey: true } });
  return new Set(rows.map((r) => r.dedupeKey));
}

export async function planForCourse(db: Db, course: CourseForReminders, now: Date): Promise<{ plan: ReminderPlan; open: OpenAssignment[] }> {
  const open = await openAssignments(db, course.id);
  const plan = planReminders({
    now, courseTimeZone: course.timeZone, quietHours: quietHoursOf(course), stagesBeforeDue: stagesOf(course),
    assignments: open, alreadySent: open.length ? await sentKeys(db, course.id) : new Set(),
  });
  return { plan, open };
}
