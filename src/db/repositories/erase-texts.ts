import type { Tx } from '../client.js';
import { courseById } from './course-by-id.js';

// Free-text and JSON columns that may quote a purged student (src/privacy/scrub-course-texts.ts decides what
// to remove): each is read for the course, then written back row by row where the scrub changed something.

/** Audit entries of the course and the guild's course-less ones (e.g. a failed /course setup): id and details. */
export function courseAuditDetails(tx: Tx, courseId: string, guildId: string): Promise<Array<{ id: string; details: string }>> {
  return tx.auditEntry.findMany({ where: { OR: [{ courseId }, { courseId: null, guildId }] }, select: { id: true, details: true } });
}

export async function setAuditDetails(tx: Tx, auditEntryId: string, details: string): Promise<void> {
  await tx.auditEntry.update({ where: { id: auditEntryId }, data: { details } });
}

/** Confirmations waiting in the course or in no course: id and payload. */
export function courseConfirmationPayloads(tx: Tx, courseId: string): Promise<Array<{ id: string; payload: string }>> {
  return tx.pendingConfirmation.findMany({ where: { OR: [{ courseId }, { courseId: null }] }, select: { id: true, payload: true } });
}

/** Deletes these waiting confirmations; returns how many went. */
export async function deleteConfirmations(tx: Tx, ids: string[]): Promise<number> {
  return (await tx.pendingConfirmation.deleteMany({ where: { id: { in: ids } } })).count;
}

/** The course's job runs that have a summary or an error text. */
export function courseJobRunTexts(tx: Tx, courseId: string): Promise<Array<{ id: string; summary: string | null; error: string | null }>> {
  return tx.jobRun.findMany({
    where: { courseId, OR: [{ summary: { not: null } }, { error: { not: null } }] },
    select: { id: true, summary: true, error: true },
  });
}

export async function setJobRunTexts(tx: Tx, jobRunId: string, texts: { summary: string | null; error: string | null }): Promise<void> {
  await tx.jobRun.update({ where: { id: jobRunId }, data: texts });
}

/** The course's reminders that keep an error text. */
export function courseReminderErrors(tx: Tx, courseId: string): Promise<Array<{ id: string; lastError: string | null }>> {
  return tx.reminder.findMany({ where: { courseId, lastError: { not: null } }, select: { id: true, lastError: true } });
}

export async function setReminderError(tx: Tx, reminderId: string, lastError: string): Promise<void> {
  await tx.reminder.update({ where: { id: reminderId }, data: { lastError } });
}

/** Why the course was flagged and the blog's last error, as stored (throws when the course is gone). */
export function courseProblemTexts(tx: Tx, courseId: string): Promise<{ flaggedReason: string | null; blogLastError: string | null }> {
  return courseById(tx, courseId, { flaggedReason: true, blogLastError: true });
}

export async function setCourseProblemTexts(tx: Tx, courseId: string, texts: { flaggedReason: string | null; blogLastError: string | null }): Promise<void> {
  await tx.course.update({ where: { id: courseId }, data: texts });
}
