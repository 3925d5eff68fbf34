// /course staff_posts: staff name the blog accounts and the category whose posts are announcements, not
// essays. A blog account is named by username and resolved on the blog first, so the rule holds ids that
// cannot be confused with a student's account of a similar name.
import { staffPostRule } from '../core/essays/staff-post.js';
import { saveStaffPostSettings, staffPostSettings } from '../db/repositories/course-settings.js';
import { rosterNameOfBlogUser } from '../db/repositories/course-students.js';
import { UserError } from '../shared/user-error.js';
import type { SyncDeps } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { recordAudit } from './audit.js';

export interface StaffPostsInput {
  courseId: string;
  guildId: string;
  actorUserId: string;
  blogUsername: string | null;
  category: string | null;
}

export async function setStaffPosts(ctx: SyncDeps, input: StaffPostsInput): Promise<string> {
  if (!input.blogUsername && input.category === null)
    throw new UserError('Give blog_username (a staff account on the blog) or category (the announcements category), or both.');
  const course = await staffPostSettings(ctx.db, input.courseId);
  const rule = staffPostRule(course);
  const ids = new Set(rule.staffBlogUserIds);
  if (input.blogUsername) {
    const user = await (await ctx.blogFor(input.courseId)).findUser({ username: input.blogUsername.trim() });
    if (!user)
      throw new UserError(
        `blog_username: no blog account named ${input.blogUsername.trim()} is visible to the bot (it must have published a post). Check the spelling.`,
      );
    const student = await rosterNameOfBlogUser(ctx.db, input.courseId, user.blogUserId);
    if (student !== null) throw new UserError(`blog_username: ${input.blogUsername.trim()} is the blog account of ${student}, a student on the roster.`);
    ids.add(user.blogUserId);
  }
  const category = input.category === null ? rule.announcementCategory : input.category.trim() || null;
  await inTransaction(ctx.db, async (tx) => {
    await saveStaffPostSettings(tx, input.courseId, { staffBlogUserIds: [...ids], announcementCategory: category });
    await recordAudit(tx, {
      courseId: input.courseId,
      guildId: input.guildId,
      actorUserId: input.actorUserId,
      action: 'course.staff_posts',
      details: { staffAccounts: ids.size, category },
    });
  });
  return `Staff posts (never essays, never in review rounds): ${ids.size} blog account(s)${category ? `, and every post in the category “${category}”` : ''}.`;
}
