// What a student's thread reply may publish on the blog (issue 12 item 11): nothing when they keep their
// replies in Discord, else their name in the style they chose (or the course's). Decided when the reply is
// recorded and frozen into its blog-comment effect: the consent in force when they wrote is the one that counts.
import { blogAuthorName } from '../../core/roster/blog-author-name.js';
import { replyAuthor } from '../../db/repositories/reply-records.js';
import type { SyncDeps } from '../../context.js';

export interface ReplyPublication {
  studentId: string | null;
  discordOnly: boolean;
  /** null: not on the roster, written as today under their Discord name. */
  blogAuthor: { name: string; asGuest: boolean } | null;
}

export async function replyPublication(ctx: SyncDeps, courseId: string, discordUserId: string): Promise<ReplyPublication> {
  const student = await replyAuthor(ctx.db, courseId, discordUserId);
  if (!student) return { studentId: null, discordOnly: false, blogAuthor: null };
  const chosen = blogAuthorName(student, student.course.blogNameStyle);
  // Anything but the full name is written as a guest comment with no address: tied to the student's blog
  // account or e-mail, WordPress would show their account name or picture beside the name they chose.
  return { studentId: student.id, discordOnly: student.discordOnly, blogAuthor: { name: chosen.name, asGuest: chosen.style !== 'full' } };
}
