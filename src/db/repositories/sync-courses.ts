import type { Db, Tx } from '../client.js';
import { courseById } from './course-by-id.js';

// The Course row as the course tick (src/sync) reads and writes it: what a poll needs to run, where staff are
// told, the permission flag. The blog outage fields are in blog-outages.ts.

/** The whole Course row: the essay poll needs its status, cursor, conditional-request headers, ingest start and time zone. */
export function courseForEssayPoll(db: Db, courseId: string) {
  return db.course.findUniqueOrThrow({ where: { id: courseId } });
}

/** Where the next essay listing starts; a field left undefined keeps its value (a backfill moves none of them). */
export interface EssayListingCursor {
  postCursor: Date | null | undefined;
  postEtag: string | null | undefined;
  postLastModified: string | null | undefined;
}

/** Saves the essay listing's cursor and conditional-request headers, in the caller's (fenced) transaction. */
export async function saveEssayListingCursor(tx: Tx, courseId: string, cursor: EssayListingCursor): Promise<void> {
  await tx.course.update({
    where: { id: courseId },
    data: { postCursor: cursor.postCursor, postEtag: cursor.postEtag, postLastModified: cursor.postLastModified },
  });
}

/** Whether the comment polls run for a course: its status and blog kind (a feed has no comments to read). */
export function courseCommentPollState(db: Db, courseId: string): Promise<{ status: string; blogKind: string }> {
  return courseById(db, courseId, { status: true, blogKind: true });
}

/** The course's staff channel; null when it has none. */
export async function courseStaffChannel(db: Db, courseId: string): Promise<string | null> {
  return (await courseById(db, courseId, { staffChannelId: true })).staffChannelId;
}

export async function courseName(db: Db, courseId: string): Promise<string> {
  return (await courseById(db, courseId, { name: true })).name;
}

/** What a notice to staff needs: the course's name and its staff channel (null when it has none). */
export function courseStaffNotice(db: Db, courseId: string): Promise<{ name: string; staffChannelId: string | null }> {
  return courseById(db, courseId, { name: true, staffChannelId: true });
}

/** What flagging a course for a missing permission needs: its status (flagged already?), name and channel. */
export function coursePermissionFacts(db: Db, courseId: string): Promise<{ status: string; name: string; channelId: string; channelKind: string }> {
  return courseById(db, courseId, { status: true, name: true, channelId: true, channelKind: true });
}

/** Flags the course with why (cut to 500 characters): shown by /course show and the health report, cleared by /course resume. */
export async function flagCourse(db: Db, courseId: string, reason: string): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { status: 'flagged', flaggedReason: reason.slice(0, 500) } });
}
