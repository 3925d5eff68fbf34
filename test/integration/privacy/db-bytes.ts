import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../../../src/db/client.js';
import { Prisma } from '../../../src/generated/prisma/browser.js';
import { readTally } from '../../../src/db/repositories/tally-anonymous.js';
import { testDatabaseKind, type TestDb } from '../../support/test-db.js';

/** Everything SQLite has on disk for this database: the file and its write-ahead log. */
export function databaseBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

/** Every row of every table, as text (the query-level search, on either database). */
export async function allRowsText(db: Db): Promise<string> {
  const delegates = db as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
  const parts = await Promise.all(
    Object.values(Prisma.ModelName).map(async (m) => JSON.stringify(await delegates[m[0]!.toLowerCase() + m.slice(1)]!.findMany())),
  );
  return parts.join('\n');
}

/**
 * Which of the values can still be found: in any row of any table and, on SQLite, anywhere in the
 * database file's bytes (free pages and WAL included).
 */
export async function traces(t: TestDb, values: string[]): Promise<string[]> {
  const rows = await allRowsText(t.db);
  const bytes = testDatabaseKind() === 'sqlite' ? databaseBytes(t.file) : null;
  return values.filter((v) => rows.includes(v) || (bytes !== null && bytes.includes(Buffer.from(v, 'utf8'))));
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
