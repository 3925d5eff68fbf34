// When a student's blog account becomes known (roster, /link claim, /link approve, or the poll resolving a
// roster username), everything that account already wrote on the blog becomes theirs: essays recorded while
// the author was unknown and blog comments by that account. Review completion is recomputed at once, so a
// student who linked late is not reminded about reviews they already wrote.
import type { Db } from '../db/client.js';
import { creditComments, creditEssays, uncreditedEssayIds } from '../db/repositories/blog-account-credit.js';
import { inTransaction } from '../db/transaction.js';
import { refreshCompletion } from '../reviews/refresh-completion.js';

export interface CreditedWork {
  essayIds: string[];
  comments: number;
}

export async function creditBlogAccount(db: Db, input: { courseId: string; studentId: string; blogUserId: string; now: Date }): Promise<CreditedWork> {
  const essayIds = await uncreditedEssayIds(db, input.courseId, input.blogUserId);
  const comments = await inTransaction(db, async (tx) => {
    if (essayIds.length) await creditEssays(tx, essayIds, input.studentId);
    return creditComments(tx, input.courseId, input.blogUserId, input.studentId);
  });
  if (essayIds.length || comments) await refreshCompletion(db, input.courseId, input.now);
  return { essayIds, comments };
}
