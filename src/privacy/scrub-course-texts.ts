import type { Tx } from '../outbox/outbox-store.js';
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
  const audits = await tx.auditEntry.findMany({ where: { OR: [{ courseId }, { courseId: null, guildId }] }, select: { id: true, details: true } });
  for (const a of audits) {
    const details = scrubber.json(a.details);
    if (details === a.details) continue;
    await tx.auditEntry.update({ where: { id: a.id }, data: { details } });
    counts.auditDetails += 1;
  }

  const confirmations = await tx.pendingConfirmation.findMany({ where: { OR: [{ courseId }, { courseId: null }] }, select: { id: true, payload: true } });
  const about = confirmations.filter((c) => scrubber.mentions(c.payload)).map((c) => c.id);
  if (about.length > 0) counts.confirmationsRemoved = (await tx.pendingConfirmation.deleteMany({ where: { id: { in: about } } })).count;

  const runs = await tx.jobRun.findMany({
    where: { courseId, OR: [{ summary: { not: null } }, { error: { not: null } }] },
    select: { id: true, summary: true, error: true },
  });
  for (const r of runs) {
    const summary = r.summary === null ? null : scrubber.json(r.summary);
    const error = r.error === null ? null : scrubber.text(r.error);
    if (summary === r.summary && error === r.error) continue;
    await tx.jobRun.update({ where: { id: r.id }, data: { summary, error } });
    counts.otherTexts += 1;
  }

  const reminders = await tx.reminder.findMany({ where: { courseId, lastError: { not: null } }, select: { id: true, lastError: true } });
  for (const r of reminders) {
    const lastError = scrubber.text(r.lastError!);
    if (lastError === r.lastError) continue;
    await tx.reminder.update({ where: { id: r.id }, data: { lastError } });
    counts.otherTexts += 1;
  }

  const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { flaggedReason: true, blogLastError: true } });
  const flaggedReason = course.flaggedReason === null ? null : scrubber.text(course.flaggedReason);
  const blogLastError = course.blogLastError === null ? null : scrubber.text(course.blogLastError);
  if (flaggedReason !== course.flaggedReason || blogLastError !== course.blogLastError) {
    await tx.course.update({ where: { id: courseId }, data: { flaggedReason, blogLastError } });
    counts.otherTexts += 1;
  }
  return counts;
}
