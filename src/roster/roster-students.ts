// /roster add | remove | show. Removing is not purging: the roster row goes, with the reviews the
// student still owed; their essays and comments stay (unlinked) until the privacy purge.
import { checkBlogUsername, checkEmail, checkName } from '../core/roster/identity-fields.js';
import { recordStaffAction, type StaffActor } from '../courses/audit.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation } from '../db/db-errors.js';
import { deleteStudentAndPendingReviews, findStudentByDiscordOrEmail, insertStudent, rosterListing } from '../db/repositories/roster-students.js';
import { inTransaction } from '../db/transaction.js';
import { UserError } from '../shared/user-error.js';

export interface NewStudent {
  name: string;
  email: string;
  blogUsername?: string | null;
  discordUserId?: string | null;
}

/** The checked value, or the problem named by the option the person typed. */
function checked<T>(c: { value: T } | { error: string }, option: string): T {
  if ('error' in c) throw new UserError(`${option}: ${c.error}`);
  return c.value;
}

export async function addStudent(db: Db, input: { courseId: string; student: NewStudent; actor: StaffActor }): Promise<{ studentId: string }> {
  const name = checked(checkName(input.student.name.trim()), 'name');
  const email = checked(checkEmail(input.student.email.trim()), 'email');
  const blogUsername = checked(checkBlogUsername((input.student.blogUsername ?? '').trim()), 'blog_username');
  try {
    return await inTransaction(db, async (tx) => {
      const studentId = await insertStudent(tx, {
        courseId: input.courseId,
        displayName: name,
        email,
        // Staff typed the e-mail: vouched for, like an imported roster (see link-by-verified-email.ts).
        emailVerified: true,
        blogUsername,
        discordUserId: input.student.discordUserId ?? null,
      });
      await recordStaffAction(tx, input.courseId, input.actor, { action: 'roster.add', targetStudentId: studentId });
      return { studentId };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new UserError(
        'A student with this email, Discord user (user) or blog_username is already on the roster (see /roster show). To change a student’s details, correct their line in the roster CSV and run /roster import again: lines are matched by email.',
      );
    throw error;
  }
}

/** Finds a student by Discord user id, email or blog username (what staff can type). */
export async function findStudent(
  db: Db,
  courseId: string,
  ref: { discordUserId?: string | null; email?: string | null },
): Promise<{ id: string; displayName: string }> {
  const key = ref.discordUserId ? { discordUserId: ref.discordUserId } : ref.email ? { email: ref.email.trim().toLowerCase() } : null;
  if (!key) throw new UserError('user or email: give one of them to name the student.');
  const student = await findStudentByDiscordOrEmail(db, courseId, key);
  if (!student) throw new UserError(`${ref.discordUserId ? 'user' : 'email'}: that person is not on the roster of this course (/roster show lists who is).`);
  return student;
}

export async function removeStudent(
  db: Db,
  input: { courseId: string; student: { discordUserId?: string | null; email?: string | null }; actor: StaffActor },
): Promise<{ displayName: string; pendingRemoved: number }> {
  const student = await findStudent(db, input.courseId, input.student);
  return inTransaction(db, async (tx) => {
    // Completed reviews go with the row (Assignment.reviewer cascades); reports keep their totals via AnonymousTally only on purge.
    const pendingRemoved = await deleteStudentAndPendingReviews(tx, student.id);
    await recordStaffAction(tx, input.courseId, input.actor, { action: 'roster.remove', details: { pendingAssignmentsRemoved: pendingRemoved } });
    return { displayName: student.displayName, pendingRemoved };
  });
}

export interface RosterEntry {
  displayName: string;
  email: string | null;
  blogUsername: string | null;
  blogLinked: boolean;
  discordUserId: string | null;
  reminderMode: string;
  dmClosed: boolean;
}

export async function showRoster(db: Db, courseId: string): Promise<RosterEntry[]> {
  const rows = await rosterListing(db, courseId);
  return rows.map((r) => ({
    displayName: r.displayName,
    email: r.email,
    blogUsername: r.blogUsername,
    blogLinked: r.blogUserId !== null,
    discordUserId: r.discordUserId,
    reminderMode: r.reminderMode,
    dmClosed: r.dmClosedAt !== null,
  }));
}

/** Plain lines for an ephemeral reply; the caller attaches a CSV when they do not fit. */
export function rosterLines(entries: RosterEntry[]): string[] {
  return entries.map((e) => {
    const discord = e.discordUserId ? `<@${e.discordUserId}>` : 'no Discord';
    const blog = blogState(e);
    const flags = [e.reminderMode === 'channel' ? 'reminders in channel' : null, e.dmClosed ? 'DMs closed' : null].filter(Boolean).join(', ');
    return `• ${e.displayName} — ${e.email ?? 'no email'} — ${discord} — ${blog}${flags ? ` (${flags})` : ''}`;
  });
}

/** Whether the student's blog work can be credited, and if not, why and what fixes it. */
function blogState(e: RosterEntry): string {
  if (e.blogLinked) return `blog ${e.blogUsername ?? 'account'} ✓ linked`;
  if (e.blogUsername) return `blog ${e.blogUsername} ✗ not linked yet: not visible on the blog until they publish (or /link claim, /link approve)`;
  return 'blog ✗ no blog username: add it (/roster add, or the roster CSV) or the student runs /link claim';
}
