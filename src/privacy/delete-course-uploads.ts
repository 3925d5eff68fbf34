import type { Db } from '../db/client.js';
import { courseUploadRecords, forgetUploadRecord } from '../db/repositories/purge-course.js';
import type { BlogSource } from '../ports/blog-source.js';

export interface CourseUploadsOutcome {
  /** Files the bot had uploaded for replies, now deleted from the blog's media library. */
  deleted: number;
  /** Files the blog would not delete (down, credentials refused): they stay there, public at their URL. */
  left: number;
}

/**
 * Deletes every file the bot uploaded to the course blog for reply attachments. A course purge runs it before
 * it drops the blog credentials, after which nothing could delete them. Each record goes only once its file is
 * gone (the blog's 404 counts as gone), so a crash or a second purge carries on where this stopped. A blog
 * that refuses does not hold the purge of the database back: the caller tells staff how many files stay.
 */
export async function deleteCourseUploads(db: Db, courseId: string, blogFor: (courseId: string) => Promise<BlogSource>): Promise<CourseUploadsOutcome> {
  const files = await courseUploadRecords(db, courseId);
  if (files.length === 0) return { deleted: 0, left: 0 };
  const blog = await blogFor(courseId).catch(() => null);
  if (!blog?.deleteMedia) return { deleted: 0, left: files.length };
  let deleted = 0;
  for (const file of files) {
    try {
      await blog.deleteMedia(file.blogMediaId);
    } catch {
      continue; // kept with its record: counted as left below
    }
    await forgetUploadRecord(db, file.id);
    deleted += 1;
  }
  return { deleted, left: files.length - deleted };
}
