import type { Tx } from '../db/client.js';
import {
  courseAuditDetails,
  courseConfirmationPayloads,
  courseJobRunTexts,
  courseProblemTexts,
  courseReminderErrors,
  deleteConfirmations,
  setAuditDetails,
  setCourseProblemTexts,
  setJobRunTexts,
  setReminderError,
} from '../db/repositories/erase-texts.js';
import type { Scrubber } from './scrub-identifiers.js';

export interface TextScrubCounts {
  auditDetails: number;
  confirmationsRemoved: number;
  otherTexts: number;
}

/**
 * Free-text and JSON columns that may quote a student (audit details, previews waiting for Confirm,
 * job summaries, error texts): the identifiers go, the rows stay — except a pending confirmation about
 * them, which is removed, since confirming it later would act on a person who is gone.
 */
export async function scrubCourseTexts(tx: Tx, input: { courseId: string; guildId: string; scrubber: Scrubber }): Promise<TextScrubCounts> {
  const { courseId, guildId, scrubber } = input;
  const counts: TextScrubCounts = { auditDetails: 0, confirmationsRemoved: 0, otherTexts: 0 };

  // Guild-wide entries (courseId null, e.g. a failed /course setup) may name the student too.
  const audits = await courseAuditDetails(tx, courseId, guildId);
  for (const a of audits) {
    const details = scrubber.json(a.details);
    if (details === a.details) continue;
    await setAuditDetails(tx, a.id, details);
    counts.auditDetails += 1;
  }

  const confirmations = await courseConfirmationPayloads(tx, courseId);
  const about = confirmations.filter((c) => scrubber.mentions(c.payload)).map((c) => c.id);
  if (about.length > 0) counts.confirmationsRemoved = await deleteConfirmations(tx, about);

  const runs = await courseJobRunTexts(tx, courseId);
  for (const r of runs) {
    const summary = r.summary === null ? null : scrubber.json(r.summary);
    const error = r.error === null ? null : scrubber.text(r.error);
    if (summary === r.summary && error === r.error) continue;
    await setJobRunTexts(tx, r.id, { summary, error });
    counts.otherTexts += 1;
  }

  const reminders = await courseReminderErrors(tx, courseId);
  for (const r of reminders) {
    const lastError = scrubber.text(r.lastError!);
    if (lastError === r.lastError) continue;
    await setReminderError(tx, r.id, lastError);
    counts.otherTexts += 1;
  }

  const course = await courseProblemTexts(tx, courseId);
  const flaggedReason = course.flaggedReason === null ? null : scrubber.text(course.flaggedReason);
  const blogLastError = course.blogLastError === null ? null : scrubber.text(course.blogLastError);
  if (flaggedReason !== course.flaggedReason || blogLastError !== course.blogLastError) {
    await setCourseProblemTexts(tx, courseId, { flaggedReason, blogLastError });
    counts.otherTexts += 1;
  }
  return counts;
}
