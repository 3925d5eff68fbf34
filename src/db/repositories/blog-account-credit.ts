// Crediting a student with what their blog account wrote before it was linked (src/roster/credit-blog-account.ts):
// essays and comments recorded under the account while its author was unknown.
import type { Db, Tx } from '../client.js';

/** The essays of the course by this blog account that no student is credited with yet. */
export async function uncreditedEssayIds(db: Db, courseId: string, blogUserId: string): Promise<string[]> {
  const essays = await db.essay.findMany({ where: { courseId, authorBlogUserId: blogUserId, authorStudentId: null }, select: { id: true } });
  return essays.map((e) => e.id);
}

/** Credits these essays to the student, unless someone was credited meanwhile (the blog's author name is dropped). */
export async function creditEssays(tx: Tx | Db, essayIds: string[], studentId: string): Promise<void> {
  await tx.essay.updateMany({ where: { id: { in: essayIds }, authorStudentId: null }, data: { authorStudentId: studentId, authorName: null } });
}

/** Credits the account's uncredited blog comments in the course to the student; returns how many. */
export async function creditComments(tx: Tx | Db, courseId: string, blogUserId: string, studentId: string): Promise<number> {
  const updated = await tx.comment.updateMany({
    where: { courseId, authorBlogUserId: blogUserId, authorStudentId: null },
    data: { authorStudentId: studentId, authorName: null },
  });
  return updated.count;
}

/** The blog accounts that wrote essays of the course no student is credited with (each once). */
export async function uncreditedEssayAuthors(db: Db, courseId: string): Promise<string[]> {
  const rows = await db.essay.findMany({
    where: { courseId, authorStudentId: null, authorBlogUserId: { not: null } },
    distinct: ['authorBlogUserId'],
    select: { authorBlogUserId: true },
  });
  return rows.map((a) => a.authorBlogUserId!);
}
