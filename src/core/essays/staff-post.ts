// Who is a student: a post by a blog account the staff named, or in the category staff use for
// announcements, is a staff post. It may still get its thread, but it is never an essay: never in a
// review round, never counted as anyone's essay.

export interface StaffPostRule {
  staffBlogUserIds: readonly string[];
  announcementCategory: string | null;
}

export function isStaffPost(post: { authorBlogUserId: string | null; categories: readonly string[] }, rule: StaffPostRule): boolean {
  if (post.authorBlogUserId && rule.staffBlogUserIds.includes(post.authorBlogUserId)) return true;
  const category = rule.announcementCategory?.trim().toLowerCase();
  return !!category && post.categories.some((c) => c.trim().toLowerCase() === category);
}

/** The rule as stored on the course row (ids as a JSON array). */
export function staffPostRule(course: { staffBlogUserIds: string; announcementCategory: string | null }): StaffPostRule {
  const ids = JSON.parse(course.staffBlogUserIds) as unknown;
  return { staffBlogUserIds: Array.isArray(ids) ? ids.map(String) : [], announcementCategory: course.announcementCategory };
}
