import type { Prisma } from '../../generated/prisma/client.js';
import type { Db, Tx } from '../client.js';

// How the repositories read a Course row that must exist: each reader names only the columns it selects (so
// every query stays exactly what its caller needs), and the lookup by id is written here once.

/** The course with this id, as `select` picks it; throws (Prisma's not-found error) when there is none. */
export function courseById<S extends Prisma.CourseSelect>(db: Tx | Db, courseId: string, select: S) {
  return db.course.findUniqueOrThrow({ where: { id: courseId }, select });
}
