// /reminders preview: who would be reminded now and why, from the same planning as the sweep, without
// recording or sending anything. /reminders send-now runs the sweep at once (same dedupe keys).
import { formatDateInZone } from '../core/format/format-date.js';
import type { Db } from '../db/client.js';
import { UserError } from '../shared/user-error.js';
import { loadCourse, planForCourse } from './reminder-plan.js';
import { runReminderSweep, type SweepDeps, type SweepSummary } from './run-reminder-sweep.js';

export interface ReminderPreviewLine {
  studentName: string;
  stage: string;
  status: 'due' | 'postponed' | 'superseded';
  why: string;
}

export async function previewReminders(db: Db, courseId: string, now: Date): Promise<ReminderPreviewLine[]> {
  const course = await loadCourse(db, courseId);
  const { plan } = await planForCourse(db, course, now);
  const students = await db.student.findMany({ where: { courseId }, select: { id: true, displayName: true } });
  const name = new Map(students.map((s) => [s.id, s.displayName]));
  const at = (d: Date) => formatDateInZone(d, course.timeZone, 'f');
  const lines: ReminderPreviewLine[] = [
    ...plan.due.map((d) => ({ studentName: name.get(d.reviewerId) ?? d.reviewerId, stage: d.stage, status: 'due' as const, why: `stage time ${at(d.scheduledFor)} has come; review due ${at(d.dueAt)}` })),
    ...plan.postponed.map((p) => ({ studentName: name.get(p.reviewerId) ?? p.reviewerId, stage: p.stage, status: 'postponed' as const, why: `quiet hours; goes out at ${at(p.nextAllowedAt)}` })),
    ...plan.skipped.map((s) => ({ studentName: name.get(s.reviewerId) ?? s.reviewerId, stage: s.stage, status: 'superseded' as const, why: `not sent: the later stage ${s.supersededBy} is due` })),
  ];
  return lines.sort((a, b) => a.studentName.localeCompare(b.studentName) || a.stage.localeCompare(b.stage));
}

export function renderReminderPreview(lines: ReminderPreviewLine[], paused: boolean): string {
  const head = paused ? 'The course is paused: the sweep sends nothing until /course resume.\n' : '';
  const due = lines.filter((l) => l.status === 'due');
  if (lines.length === 0) return `${head}Nobody would be reminded now.`;
  let text = `${head}**${due.length} reminder(s) would go out now**, ${lines.length - due.length} held back:`;
  for (const [i, l] of lines.entries()) {
    const line = `\n• ${l.studentName} — ${l.stage} — ${l.status}: ${l.why}`;
    if (text.length + line.length > 1_950) return `${text}\n…and ${lines.length - i} more.`;
    text += line;
  }
  return text;
}

export async function sendRemindersNow(deps: SweepDeps, courseId: string): Promise<SweepSummary> {
  const summary = await runReminderSweep(deps, courseId);
  if (summary.skipped) throw new UserError(`The course is ${summary.skipped}: no reminders are sent. Use /course resume first.`);
  return summary;
}

export async function setReminderMode(db: Db, input: { courseId: string; discordUserId: string; mode: 'dm' | 'channel' }): Promise<void> {
  // Choosing DMs again clears a remembered 50007: the student has probably opened their DMs.
  const changed = await db.student.updateMany({
    where: { courseId: input.courseId, discordUserId: input.discordUserId },
    data: { reminderMode: input.mode, ...(input.mode === 'dm' ? { dmClosedAt: null } : {}) },
  });
  if (changed.count === 0) throw new UserError('You are not on this course’s roster. Ask the course staff to add you.');
}
