// Staff review the pseudonyms students ask for: a pseudonym is shown on the public blog only once approved.
// The decision, its audit entry and the student's DM are recorded in one transaction (the DM is an outbox
// effect keyed by the decision, so a double press or a retry sends it once).
import { escapeDiscordText } from '../core/format/index.js';
import type { Db } from '../db/client.js';
import { decidePendingPseudonym, pendingPseudonyms, pseudonymUnderReview } from '../db/repositories/privacy-students.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit } from '../courses/audit.js';
import { UserError } from '../shared/user-error.js';
import { enqueuePseudonymNotice, pseudonymNotice } from './pseudonym-notice-effect.js';

export async function listPendingPseudonyms(db: Db, courseId: string): Promise<string> {
  const pending = await pendingPseudonyms(db, courseId);
  if (pending.length === 0) return 'No pseudonym waits for approval.';
  const lines = pending.map(
    (s) =>
      `- ${escapeDiscordText(s.displayName)}${s.discordUserId ? ` (<@${s.discordUserId}>)` : ''} asks to appear as **${escapeDiscordText(s.pseudonym ?? '')}**`,
  );
  return [
    `${pending.length} pseudonym(s) wait for approval. Decide each with \`/privacy pseudonym-decision student:<them> decision:approve\` (or reject):`,
    ...lines,
  ].join('\n');
}

export async function decidePseudonym(
  db: Db,
  input: { courseId: string; guildId: string; studentId: string; actorUserId: string; approve: boolean; now: Date },
): Promise<string> {
  return inTransaction(db, async (tx) => {
    const student = await pseudonymUnderReview(tx, input.studentId);
    if (student.blogNameStyle !== 'pseudonym' || student.pseudonymStatus !== 'pending' || !student.pseudonym) {
      throw new UserError(
        `student: ${student.displayName} has no pseudonym waiting for approval (${student.pseudonymStatus === 'approved' ? 'it is already approved' : student.pseudonymStatus === 'rejected' ? 'it was already rejected' : 'none was asked for'}). /privacy pseudonyms lists the waiting ones.`,
      );
    }
    const status = input.approve ? 'approved' : 'rejected';
    // Conditional on the pseudonym still being the one shown to staff: a new request in between waits again.
    const changed = await decidePendingPseudonym(tx, input.studentId, student.pseudonym, status);
    if (!changed) throw new UserError('That request changed meanwhile; run /privacy pseudonyms again.');
    await recordAudit(tx, {
      courseId: input.courseId,
      guildId: input.guildId,
      actorUserId: input.actorUserId,
      action: `privacy.pseudonym_${status}`,
      targetStudentId: input.studentId,
    });
    await enqueuePseudonymNotice(tx, input, {
      kind: pseudonymNotice.kind,
      dedupePrefix: 'pseudonym-notice',
      payload: { pseudonym: student.pseudonym, approved: input.approve },
    });
    return `${escapeDiscordText(student.displayName)}’s pseudonym **${escapeDiscordText(student.pseudonym)}** is ${status}. They are told by DM.${input.approve ? ' Their replies appear under it on the blog from now on.' : ''}`;
  });
}
