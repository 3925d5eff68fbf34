// Part 3 of bench/scale.bench.ts: the database size of one course-term, on SQLite and on PostgreSQL. The rows
// are written straight to the tables (a size measurement, not a claim about behaviour), in batches.
import { existsSync, statSync } from 'node:fs';
import type { Db } from '../../src/db/client.js';
import { createTestDb } from '../../test/support/test-db.js';
import { createId } from '../bench-ids.js';
import { fmt, say } from './stats.js';

// A term of one busy course, written straight to the tables: 100 students, 1,000 essays, 5,000 comments,
// 10 rounds with 2,000 assignments, 4,000 reminders, 8,000 delivered outbox effects (HTML payloads).
const TERM = { students: 100, essays: 1_000, comments: 5_000, rounds: 10, assignments: 2_000, reminders: 4_000, outbox: 8_000 };
async function seedTerm(db: Db, c: number): Promise<void> {
  const courseId = createId();
  const at = new Date('2026-10-01T12:00:00Z');
  await db.course.create({
    data: {
      id: courseId,
      guildId: String(920000000000000000n + BigInt(c)),
      channelId: String(930000000000000000n + BigInt(c)),
      channelKind: 'forum',
      name: `Course ${c}`,
      blogKind: 'wordpress',
      blogUrl: `https://blog${c}.example.edu`,
      staffRoleId: '900000000000000009',
      ingestSince: at,
    },
  });
  const chunked = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1_000) await write(rows.slice(i, i + 1_000));
  };
  const students = Array.from({ length: TERM.students }, (_, i) => ({
    id: createId(),
    courseId,
    displayName: `Student ${i} of course ${c}`,
    email: `s${i}.c${c}@uni.example.edu`,
    discordUserId: String(800000000000000000n + BigInt(c * 1_000 + i)),
    blogUserId: String(i + 1),
    blogUsername: `student${i}`,
  }));
  await chunked(students, (data) => db.student.createMany({ data }));
  const essays = Array.from({ length: TERM.essays }, (_, i) => ({
    id: createId(),
    courseId,
    blogPostId: String(i + 1),
    url: `https://blog${c}.example.edu/2026/10/essay-${i}/`,
    title: `Essay ${i}: a title of ordinary length — with “quotes”`,
    authorStudentId: students[i % TERM.students]!.id,
    publishedAt: at,
    modifiedAt: at,
    threadState: 'created',
    threadId: String(700000000000000000n + BigInt(c * 100_000 + i)),
    starterMessageId: String(700000000000000000n + BigInt(c * 100_000 + i)),
    threadNonce: createId(),
    renderedHash: 'h'.repeat(64),
  }));
  await chunked(essays, (data) => db.essay.createMany({ data }));
  await chunked(
    Array.from({ length: TERM.comments }, (_, i) => ({
      courseId,
      essayId: essays[i % TERM.essays]!.id,
      origin: i % 2 ? 'discord' : 'blog',
      discordMessageId: String(600000000000000000n + BigInt(c * 100_000 + i)),
      blogCommentId: String(i + 1),
      authorStudentId: students[i % TERM.students]!.id,
      wordCount: 60,
      contentHash: 'c'.repeat(64),
      mirrorState: 'mirrored',
      writtenAt: at,
    })),
    (data) => db.comment.createMany({ data }),
  );
  const rounds = Array.from({ length: TERM.rounds }, (_, i) => ({
    id: createId(),
    courseId,
    name: `Round ${i}`,
    dueAt: at,
    reviewsPerStudent: 2,
    mode: 'assigned',
    seed: createId(),
  }));
  await db.reviewRound.createMany({ data: rounds });
  const assignments = Array.from({ length: TERM.assignments }, (_, i) => ({
    id: createId(),
    roundId: rounds[i % TERM.rounds]!.id,
    reviewerStudentId: students[i % TERM.students]!.id,
    essayId: essays[(i * 7) % TERM.essays]!.id,
    slotKey: essays[(i * 7) % TERM.essays]!.id + String(i),
    status: 'done',
    completedAt: at,
  }));
  await chunked(assignments, (data) => db.assignment.createMany({ data }));
  await chunked(
    Array.from({ length: TERM.reminders }, (_, i) => ({
      courseId,
      assignmentId: assignments[i % TERM.assignments]!.id,
      studentId: students[i % TERM.students]!.id,
      dedupeKey: `${createId()}:before_24h`,
      stage: 'before_24h',
      status: 'sent',
      deliveredVia: 'dm',
      scheduledFor: at,
      sentAt: at,
      discordMessageId: String(500000000000000000n + BigInt(c * 100_000 + i)),
    })),
    (data) => db.reminder.createMany({ data }),
  );
  const payload = JSON.stringify({
    commentId: createId(),
    html: `<p>${'A comment of about sixty words, mirrored to the blog — “as written”. '.repeat(5)}</p>`,
    replyToMessageId: null,
  });
  await chunked(
    Array.from({ length: TERM.outbox }, (_, i) => ({
      courseId,
      kind: 'blog.create_comment',
      dedupeKey: `bench:${c}:${i}`,
      orderKey: essays[i % TERM.essays]!.id,
      payload,
      status: 'done',
      attempts: 1,
      doneAt: at,
      result: '{"blogCommentId":"123","status":"approved"}',
    })),
    (data) => db.outboxItem.createMany({ data }),
  );
}

/** Writes BENCH_SIZE_COURSES (10) course-terms and prints what one takes on disk; returns the summary line. */
export async function databaseSize(kind: 'sqlite' | 'postgresql'): Promise<[string, string]> {
  const courses = Number(process.env.BENCH_SIZE_COURSES ?? 10);
  process.env.TEST_DATABASE = kind;
  const t = await createTestDb();
  const size = async () =>
    kind === 'postgresql'
      ? Number((await t.db.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT pg_database_size(current_database()) AS n'))[0]!.n)
      : ['', '-wal'].reduce((sum, s) => sum + (existsSync(t.file + s) ? statSync(t.file + s).size : 0), 0);
  const before = await size();
  const start = performance.now();
  for (let c = 0; c < courses; c++) await seedTerm(t.db, c);
  const seconds = (performance.now() - start) / 1000;
  if (kind === 'sqlite') await t.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  const perCourse = ((await size()) - before) / courses;
  const rows = Object.values(TERM).reduce((a, b) => a + b, 0);
  say(
    `${kind}: one course-term (${rows.toLocaleString('en')} rows) takes ${fmt(perCourse / 1_048_576, 1)} MB; written at ${fmt((rows * courses) / seconds)} rows/s`,
  );
  await t.close();
  return [`${kind}: MB per course-term (${rows} rows)`, fmt(perCourse / 1_048_576, 1)];
}
