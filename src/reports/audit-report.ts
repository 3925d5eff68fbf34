// /report audit: the most recent audit entries of a course, newest first. Actors are shown as
// Discord mentions (the reply never pings: the command sets allowedMentions to none).
import { splitMessage } from '../core/format/split-message.js';
import type { Db } from '../db/client.js';
import { courseAuditLog } from '../db/repositories/course-audit.js';
import { quote, ts } from './health-report.js';
import { redactEmails } from './render/text-cells.js';
import { ANONYMOUS_ACTOR } from '../privacy/scrub-identifiers.js';

export const AUDIT_LIMIT_DEFAULT = 25;

function detailsText(json: string): string {
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const parts = Object.entries(v)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([k, value]) => `${k}=${typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean)}`); // JSON: objects or primitives
    // Details are shown to staff only, but addresses still have no reason to be on screen.
    return parts.length ? ` — ${quote(redactEmails(parts.join(', ')), 160)}` : '';
  } catch {
    return '';
  }
}

export async function auditReport(db: Db, input: { courseId: string; limit?: number }): Promise<string[]> {
  const limit = Math.min(Math.max(input.limit ?? AUDIT_LIMIT_DEFAULT, 1), 100);
  const { courseName, entries, targetNames: names } = await courseAuditLog(db, input.courseId, limit);
  const lines = entries.map((e) => {
    const target = e.targetStudentId ? ` → ${quote(names.get(e.targetStudentId) ?? 'a removed student', 60)}` : '';
    const actor = e.actorUserId === ANONYMOUS_ACTOR ? 'a removed student' : `<@${e.actorUserId}>`;
    return `• ${ts(e.createdAt, 'f')} ${actor} **${quote(e.action, 60)}**${target}${detailsText(e.details)}`;
  });
  const heading = `**Audit log — ${quote(courseName, 100)}** (latest ${entries.length})`;
  return splitMessage([heading, ...(lines.length ? lines : ['Nothing recorded yet.'])].join('\n'), { max: 2000 });
}
