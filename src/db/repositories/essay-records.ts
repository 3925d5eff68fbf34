import type { Db, Tx } from '../client.js';

// Essay rows as the essay poll writes them (one per blog post, by the unique courseId + blogPostId) and the comment
// polls pick them. The thread side of an essay (its Discord thread and starter) is in essay-threads.ts.

/** The blog's fields of an essay as the poll copies them onto its row (categories and tags as JSON arrays). */
export interface EssayBlogFields {
  url: string;
  title: string;
  authorStudentId: string | null;
  authorBlogUserId: string | null;
  authorName: string | null;
  publishedAt: Date;
  modifiedAt: Date;
  categories: string;
  tags: string;
}

/** The recorded essay of a blog post with what the poll compares against the blog; null when the post is new. */
export function storedEssayOfPost(db: Db, courseId: string, blogPostId: string) {
  return db.essay.findUnique({
    where: { courseId_blogPostId: { courseId, blogPostId } },
    select: { id: true, blogStatus: true, renderedHash: true, threadState: true, authorStudentId: true },
  });
}

/** Inserts the essay of a blog post unless it is recorded already (then nothing changes); its id either way. */
export async function insertEssayOnce(tx: Tx, input: { courseId: string; blogPostId: string; threadNonce: string; fields: EssayBlogFields }): Promise<string> {
  const { courseId, blogPostId, threadNonce, fields } = input;
  const row = await tx.essay.upsert({
    where: { courseId_blogPostId: { courseId, blogPostId } },
    create: { ...fields, courseId, blogPostId, threadNonce },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Copies the blog's fields onto a recorded essay, with its blog status ('published', or how it left the blog). */
export async function updateEssayFromBlog(tx: Tx, essayId: string, fields: EssayBlogFields, blogStatus: string): Promise<void> {
  await tx.essay.update({ where: { id: essayId }, data: { ...fields, blogStatus } });
}

/**
 * The course's published essays with a thread whose comments a poll compares, oldest first: those published or
 * modified since `since`, or every one when `since` is null (the reconcile sweep).
 */
export function essaysToCompareComments(db: Db, courseId: string, since: Date | null): Promise<Array<{ id: string; blogPostId: string; publishedAt: Date }>> {
  return db.essay.findMany({
    where: {
      courseId,
      threadState: 'created',
      blogStatus: 'published',
      ...(since === null ? {} : { OR: [{ publishedAt: { gte: since } }, { modifiedAt: { gte: since } }] }),
    },
    select: { id: true, blogPostId: true, publishedAt: true },
    orderBy: { publishedAt: 'asc' },
  });
}

/** Of these blog posts, the course's published essays with a thread that were published and last modified before `before`. */
export function olderEssaysOfPosts(db: Db, courseId: string, blogPostIds: string[], before: Date): Promise<Array<{ id: string; blogPostId: string }>> {
  return db.essay.findMany({
    where: {
      courseId,
      threadState: 'created',
      blogStatus: 'published',
      blogPostId: { in: blogPostIds },
      publishedAt: { lt: before },
      modifiedAt: { lt: before },
    },
    select: { id: true, blogPostId: true },
  });
}

/** The roster entry an essay's linked author is shown as; null when it is gone. */
export function essayAuthorStudent(db: Db, studentId: string): Promise<{ id: string; discordUserId: string | null; displayName: string } | null> {
  return db.student.findUnique({ where: { id: studentId }, select: { id: true, discordUserId: true, displayName: true } });
}
