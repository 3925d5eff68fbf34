import type { Db } from '../client.js';
import { courseById } from './course-by-id.js';

/** What /report health shows of the course itself: its state, channels, blog address and health, newest essay seen. */
export function courseForHealth(db: Db, courseId: string) {
  return courseById(db, courseId, {
    name: true,
    status: true,
    blogKind: true,
    flaggedReason: true,
    channelId: true,
    channelKind: true,
    staffChannelId: true,
    reminderThreadId: true,
    blogUrl: true,
    blogFailingSince: true,
    blogLastError: true,
    postCursor: true,
  });
}
