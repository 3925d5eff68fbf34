// Builders for the reviews/reminders/roster suites: a course, a roster and essays in a real database.
import type { Db } from '../../../src/db/client.js';
import { confirmRound } from '../../../src/reviews/confirm-round.js';
import { previewRound } from '../../../src/reviews/preview-round.js';

export const GUILD = '900000000000000001';
export const STAFF_CHANNEL = '900000000000000002';
export const REMINDER_THREAD = '900000000000000003';
export const ESSAY_CHANNEL = '900000000000000004';

export async function createCourse(db: Db, overrides: Record<string, unknown> = {}): Promise<string> {
  const row = await db.course.create({
    data: {
      guildId: GUILD,
      channelId: ESSAY_CHANNEL,
      channelKind: 'forum',
      name: 'HIST 214',
      blogKind: 'wordpress',
      blogUrl: 'https://blog.example.edu',
      timeZone: 'America/New_York',
      staffRoleId: '900000000000000009',
      staffChannelId: STAFF_CHANNEL,
      reminderThreadId: REMINDER_THREAD,
      ingestSince: new Date('2026-01-01T00:00:00Z'),
      ...overrides,
    },
    select: { id: true },
  });
  return row.id;
}

export function discordIdOf(i: number): string {
  return String(800000000000000000n + BigInt(i));
}

/** n students "Student 01".., each with a Discord id and (optionally) one published essay. */
export async function seedStudents(
  db: Db,
  courseId: string,
  n: number,
  opts: { essays?: boolean; publishedAt?: Date } = {},
): Promise<{ ids: string[]; essayIds: string[] }> {
  const ids: string[] = [];
  const essayIds: string[] = [];
  for (let i = 1; i <= n; i++) {
    const label = String(i).padStart(2, '0');
    const s = await db.student.create({
      data: {
        courseId,
        displayName: `Student ${label}`,
        email: `s${label}@uni.example.edu`,
        discordUserId: discordIdOf(i),
        blogUserId: String(100 + i),
        blogUsername: `student${label}`,
      },
      select: { id: true },
    });
    ids.push(s.id);
    if (opts.essays !== false)
      essayIds.push(await addEssay(db, courseId, s.id, `Essay by Student ${label}`, opts.publishedAt ?? new Date('2026-10-15T12:00:00Z')));
  }
  return { ids, essayIds };
}

let post = 1;
export async function addEssay(
  db: Db,
  courseId: string,
  authorStudentId: string | null,
  title: string,
  publishedAt: Date,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const n = post++;
  const e = await db.essay.create({
    data: {
      courseId,
      blogPostId: String(n),
      url: `https://blog.example.edu/?p=${n}`,
      title,
      authorStudentId,
      publishedAt,
      modifiedAt: publishedAt,
      threadState: 'created',
      threadId: String(700000000000000000n + BigInt(n)),
      threadNonce: `nonce${n}`,
      ...extra,
    },
    select: { id: true },
  });
  return e.id;
}

let commentN = 1;
export async function addComment(db: Db, courseId: string, essayId: string, authorStudentId: string, words: number, writtenAt: Date): Promise<string> {
  const n = commentN++;
  const c = await db.comment.create({
    data: {
      courseId,
      essayId,
      origin: 'discord',
      discordMessageId: String(600000000000000000n + BigInt(n)),
      authorStudentId,
      wordCount: words,
      contentHash: `h${n}`,
      writtenAt,
    },
    select: { id: true },
  });
  return c.id;
}

/**
 * A course of `students` students (each with an essay published 1 March 2026) whose staff previewed and
 * confirmed, on 10 March, a round "R" of one assigned review each, due `dueAt`. Returns the course id.
 */
export async function seedConfirmedRound(db: Db, opts: { students: number; dueAt: Date; course?: Record<string, unknown> }): Promise<string> {
  const courseId = await createCourse(db, opts.course);
  await seedStudents(db, courseId, opts.students, { publishedAt: new Date('2026-03-01T12:00:00Z') });
  const start = new Date('2026-03-10T12:00:00Z');
  const p = await previewRound(db, { courseId, actorUserId: '1', name: 'R', dueAt: opts.dueAt, k: 1, mode: 'assigned', filter: {}, now: start });
  await confirmRound(db, p.pendingId, { userId: '1', guildId: GUILD }, start);
  return courseId;
}
