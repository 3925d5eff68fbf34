// /reminders preview: a dry run of /reminders send-now. The same steps in the same order (bring the
// course up to date, plan, draft each reminder with its text and route), then only rendered: nothing
// is recorded or sent. /reminders send-now runs the sweep and reports each reminder it sent, in the
// same grouped form, so staff can hold one against the other.
import { formatDateInZone } from '../core/format/format-date.js';
import type { Db } from '../db/client.js';
import { silentLogger } from '../shared/logger.js';
import { UserError } from '../shared/user-error.js';
import { bringUpToDate } from './bring-up-to-date.js';
import { digestOutcomeText } from './digest-outcome-text.js';
import { draftReminder, type ReminderDraft } from './reminder-draft.js';
import { deliveredWhere, itemLine, plannedWhere, renderGroups, stageLabel, type ReminderGroupItem } from './reminder-list-text.js';
import { loadCourse, planForCourse } from './reminder-plan.js';
import { runReminderSweep, type SweepDeps, type SweepSummary } from './run-reminder-sweep.js';
import type { MarkOutcome } from '../db/repositories/reminders.js';
import { setStudentReminderMode, studentNames } from '../db/repositories/students.js';

export interface ReminderPreviewLine {
  studentName: string;
  stage: string;
  status: 'due' | 'postponed' | 'superseded';
  why: string;
  /** Due reminders: exactly what send-now would send (text, route). */
  draft?: ReminderDraft;
}

export interface ReminderPreview {
  paused: boolean;
  reminderThreadId: string | null;
  timeZone: string;
  lines: ReminderPreviewLine[];
}

export async function previewReminders(db: Db, courseId: string, now: Date, log: SweepDeps['log'] = silentLogger()): Promise<ReminderPreview> {
  const course = await loadCourse(db, courseId);
  const paused = course.status !== 'active' && course.status !== 'flagged';
  if (!paused) await bringUpToDate({ db, log }, course, now);
  const { plan } = await planForCourse(db, course, now);
  const name = await studentNames(db, courseId);
  const at = (d: Date) => formatDateInZone(d, course.timeZone, 'f');
  const lines: ReminderPreviewLine[] = [];
  for (const d of plan.due) {
    const draft = await draftReminder(db, course, { assignmentId: d.assignmentId, stage: d.stage }, now);
    // Completed or cancelled meanwhile: send-now would mark it "no longer owed" and send nothing.
    if (draft)
      lines.push({
        studentName: draft.student.name,
        stage: d.stage,
        status: 'due',
        why: `stage time ${at(d.scheduledFor)} has come; review due ${at(d.dueAt)}`,
        draft,
      });
  }
  lines.push(
    ...plan.postponed.map((p) => ({
      studentName: name.get(p.reviewerId) ?? p.reviewerId,
      stage: p.stage,
      status: 'postponed' as const,
      why: `quiet hours; goes out at ${at(p.nextAllowedAt)}`,
    })),
    ...plan.skipped.map((s) => ({
      studentName: name.get(s.reviewerId) ?? s.reviewerId,
      stage: s.stage,
      status: 'superseded' as const,
      why: `not sent: the later stage ${s.supersededBy} is due`,
    })),
  );
  lines.sort((a, b) => a.studentName.localeCompare(b.studentName) || a.stage.localeCompare(b.stage));
  return { paused, reminderThreadId: course.reminderThreadId, timeZone: course.timeZone, lines };
}

export function renderReminderPreview(preview: ReminderPreview, now: Date): string {
  const at = (d: Date) => formatDateInZone(d, preview.timeZone, 'f');
  const head = `**Dry run of /reminders send-now** at ${at(now)}: nothing was sent.${preview.paused ? '\nThe course is paused: send-now sends nothing until /course resume.' : ''}\n`;
  if (preview.lines.length === 0) return `${head}Nobody would be reminded now.`;
  const due = preview.lines.filter((l) => l.draft);
  const held = preview.lines.filter((l) => !l.draft);
  const reachable = due.filter((l) => l.draft!.route.kind !== 'unreachable').length;
  const items: ReminderGroupItem[] = due.map((l) => ({
    studentName: l.studentName,
    where: plannedWhere(l.draft!.route, preview.reminderThreadId, at),
    line: itemLine(l.draft!),
  }));
  const tail = held.length
    ? `\nHeld back (not sent now): ${held
        .slice(0, 10)
        .map((l) => `${l.studentName}, ${stageLabel(l.stage)}: ${l.why}`)
        .join('; ')}${held.length > 10 ? `; …and ${held.length - 10} more` : ''}.`
    : '';
  return renderGroups(
    `${head}**${reachable} reminder(s) would go out now**, ${due.length - reachable} cannot be delivered, ${held.length} held back.`,
    items,
    tail.slice(0, 600),
  );
}

export interface SendNowReport {
  summary: SweepSummary;
  sent: Array<{ draft: ReminderDraft; outcome: MarkOutcome }>;
}

export async function sendRemindersNow(deps: SweepDeps, courseId: string): Promise<SendNowReport> {
  const sent: SendNowReport['sent'] = [];
  const summary = await runReminderSweep({ ...deps, onReminder: (draft, outcome) => sent.push({ draft, outcome }) }, courseId);
  if (summary.skipped) throw new UserError(`The course is ${summary.skipped}: no reminders are sent. Use /course resume first.`);
  return { summary, sent };
}

export function renderSendNow(report: SendNowReport): string {
  const s = report.summary;
  const notDelivered = report.sent.filter((r) => r.outcome.status === 'failed').length;
  const head = `**${s.sent} reminder(s) sent**, ${notDelivered} not delivered, ${s.deferred} waiting for Discord, ${s.postponed} held for quiet hours.`;
  const items = report.sent.map(({ draft, outcome }) => ({ studentName: draft.student.name, where: deliveredWhere(draft, outcome), line: itemLine(draft) }));
  const tail = `${s.retried ? `\nInterrupted reminders retried: ${s.retried}.` : ''}\n${digestOutcomeText(s.digest)}`;
  return renderGroups(items.length ? head : `${head}\nNobody was due a reminder now.`, items, tail);
}

export async function setReminderMode(db: Db, input: { courseId: string; discordUserId: string; mode: 'dm' | 'channel' }): Promise<void> {
  // Choosing DMs again clears a remembered 50007: the student has probably opened their DMs.
  if (!(await setStudentReminderMode(db, input.courseId, input.discordUserId, input.mode)))
    throw new UserError('You are not on this course’s roster. Ask the course staff to add you.');
}
