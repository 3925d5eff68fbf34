// /roster import: all lines are checked first (parseRosterCsv, then clashes with the stored roster),
// and only a file without a single error is applied, in one transaction. Upsert by email per course.
import type { RosterRow } from '../core/roster/parse-roster-csv.js';
import { recordStaffAction, type StaffActor } from '../courses/audit.js';
import type { Db } from '../db/client.js';
import { insertImportedStudent, rosterIdentities, updateImportedStudent, type RosterIdentity } from '../db/repositories/roster-students.js';
import { inTransaction } from '../db/transaction.js';

export type LineAction = 'created' | 'updated' | 'unchanged';

export interface RosterLineReport {
  line: number;
  action: LineAction;
  email: string;
  /** e.g. a Discord username that nobody in the server has (fixed by importing the corrected file again). */
  note?: string;
}

export type ImportResult =
  { ok: true; lines: RosterLineReport[]; created: number; updated: number; unchanged: number } | { ok: false; errors: { line: number; message: string }[] };

export interface ImportRosterInput {
  courseId: string;
  csvBytes: Uint8Array | string;
  actor: StaffActor;
  /** Resolves a Discord username to a user id (the command searches the server); absent = unresolved. */
  resolveDiscordUsername?: (username: string) => Promise<string | null>;
}

export async function importRoster(db: Db, input: ImportRosterInput): Promise<ImportResult> {
  // Loaded here, on the first import of a roster: the CSV parser is not something the bot needs to start.
  const { parseRosterCsv } = await import('../core/roster/parse-roster-csv.js');
  const parsed = parseRosterCsv(input.csvBytes);
  if (!parsed.ok) return parsed;
  const notes = new Map<number, string>();
  const discordIds = new Map<number, string | null>();
  for (const row of parsed.rows) {
    let id = row.discordUserId;
    if (!id && row.discordUsername) {
      id = (await input.resolveDiscordUsername?.(row.discordUsername)) ?? null;
      if (!id)
        notes.set(
          row.line,
          `Discord user "${row.discordUsername}" is not a member of this server, so this student has no Discord account yet. Put their exact username (not the display name) or their Discord user id (right-click them → Copy User ID) in the discord column and run /roster import again; the other lines stay as they are.`,
        );
    }
    discordIds.set(row.line, id);
  }
  const existing: RosterIdentity[] = await rosterIdentities(db, input.courseId);
  const errors = clashes(parsed.rows, discordIds, existing);
  if (errors.length > 0) return { ok: false, errors };

  const byEmail = new Map(existing.map((s) => [s.email, s]));
  const lines: RosterLineReport[] = [];
  await inTransaction(db, async (tx) => {
    for (const row of parsed.rows) {
      const current = byEmail.get(row.email);
      // Staff vouch for every e-mail on their roster: verified (what lets the blog's own account e-mail link, see link-by-verified-email.ts).
      const data = {
        displayName: row.name,
        emailVerified: true,
        blogUsername: row.blogUsername ?? current?.blogUsername ?? null,
        discordUserId: discordIds.get(row.line) ?? current?.discordUserId ?? null,
      };
      const note = notes.get(row.line);
      const report = (action: LineAction): RosterLineReport => ({ line: row.line, action, email: row.email, ...(note ? { note } : {}) });
      if (!current) {
        await insertImportedStudent(tx, input.courseId, row.email, data);
        lines.push(report('created'));
      } else if (
        !current.emailVerified ||
        current.displayName !== data.displayName ||
        current.blogUsername !== data.blogUsername ||
        current.discordUserId !== data.discordUserId
      ) {
        await updateImportedStudent(tx, current.id, data);
        lines.push(report('updated'));
      } else lines.push(report('unchanged'));
    }
    const count = (a: LineAction) => lines.filter((l) => l.action === a).length;
    await recordStaffAction(tx, input.courseId, input.actor, {
      action: 'roster.import',
      details: { created: count('created'), updated: count('updated'), unchanged: count('unchanged') },
    });
  });
  const count = (a: LineAction) => lines.filter((l) => l.action === a).length;
  return { ok: true, lines, created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
}

/**
 * A Discord account or blog username on a line that another stored student (different email) already
 * has would break the roster's unique keys halfway through: report it per line before writing anything.
 */
function clashes(rows: RosterRow[], discordIds: Map<number, string | null>, existing: RosterIdentity[]): { line: number; message: string }[] {
  const errors: { line: number; message: string }[] = [];
  const byDiscord = new Map(existing.filter((s) => s.discordUserId).map((s) => [s.discordUserId!, s]));
  const byBlog = new Map(existing.filter((s) => s.blogUsername).map((s) => [s.blogUsername!.toLowerCase(), s]));
  const seenDiscord = new Map<string, number>();
  for (const row of rows) {
    const discordId = discordIds.get(row.line);
    if (discordId) {
      const other = byDiscord.get(discordId);
      if (other && other.email !== row.email)
        errors.push({
          line: row.line,
          message: `Discord user ${discordId} already belongs to ${other.displayName} (${other.email ?? 'no email'}) on the roster.`,
        });
      const first = seenDiscord.get(discordId);
      if (first !== undefined) errors.push({ line: row.line, message: `Discord user ${discordId} is also on line ${first}.` });
      else seenDiscord.set(discordId, row.line);
    }
    if (row.blogUsername) {
      const other = byBlog.get(row.blogUsername.toLowerCase());
      if (other && other.email !== row.email)
        errors.push({ line: row.line, message: `Blog username ${row.blogUsername} already belongs to ${other.displayName} on the roster.` });
    }
  }
  return errors;
}
