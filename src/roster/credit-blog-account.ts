// When a student's blog account becomes known (roster, /link claim, /link approve, or the poll resolving a
// roster username), everything that account already wrote on the blog becomes theirs: essays recorded while
// the author was unknown and blog comments by that account. Review completion is recomputed at once, so a
// student who linked late is not reminded about reviews they already wrote.
import type { Db } from '../db/client.js';
import { refreshCompletion } from '../reviews/refresh-completion.js';

export interface CreditedWork {
  essayIds: string[];
  comments: number;
}

export async function creditBlogAccount(db: Db, input: { courseId: string; studentId: string; blogUserId: string; now: Date }): Promise<CreditedWork> {
  const essays = await db.essay.findMany({
    where: { courseId: input.courseId, authorBlogUserId: input.blogUserId, authorStudentId: null },
    select: { id: true },
  });
  const essayIds = essays.map((e) => e.id);
  const comments = await db.$transaction(async (tx) => {
    if (essayIds.length)
      await tx.essay.updateMany({ where: { id: { in: essayIds }, authorStudentId: null }, data: { authorStudentId: input.studentId, authorName: null } });
    const updated = await tx.comment.updateMany({
      where: { courseId: input.courseId, authorBlogUserId: input.blogUserId, authorStudentId: null },
      data: { authorStudentId: input.studentId, authorName: null },
    });
    return updated.count;
  });
  if (essayIds.length || comments) await refreshCompletion(db, input.courseId, input.now);
  return { essayIds, comments };
}
