import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../../../src/db/client.js';
import { readTally } from '../../../src/privacy/anonymous-tally.js';

/** Everything SQLite has on disk for this database: the file and its write-ahead log. */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

/** Which of the values occur anywhere in those bytes (as UTF-8). */
export function foundIn(bytes: Buffer, values: string[]): string[] {
  return values.filter((v) => bytes.includes(Buffer.from(v, 'utf8')));
}

/** Course totals the way a report counts them: rows still attributed to a student plus the anonymous tally. */
export async function courseTotals(db: Db, courseId: string) {
  const tally = await readTally(db, courseId);
  return {
    students: (await db.student.count({ where: { courseId } })) + tally.purgedStudents,
    essays: (await db.essay.count({ where: { courseId, authorStudentId: { not: null } } })) + tally.essays,
    commentsGiven: (await db.comment.count({ where: { courseId, authorStudentId: { not: null } } })) + tally.commentsGiven,
    reviewsDone: (await db.assignment.count({ where: { round: { courseId }, status: { in: ['done', 'done_late'] } } })) + tally.reviewsDone,
    remindersSent: (await db.reminder.count({ where: { courseId, status: 'sent', studentId: { not: null } } })) + tally.remindersSent,
    essayRows: await db.essay.count({ where: { courseId } }),
    commentRows: await db.comment.count({ where: { courseId } }),
  };
}
