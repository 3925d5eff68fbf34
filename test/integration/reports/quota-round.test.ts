// A quota round (no essay per assignment) covers the essays its stored filter selects: the report for
// that round counts those essays and the comments on them, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participationReport } from '../../../src/reports/load-participation.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
const now = new Date('2026-03-20T18:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('participation of a quota round', () => {
  it('counts the essays matching the round’s filter (dates, category) and their comments', async () => {
    const db = t.db;
    const { id: courseId } = await db.course.create({
      data: {
        guildId: '1',
        channelId: '2',
        channelKind: 'forum',
        name: 'Q',
        blogKind: 'wordpress',
        blogUrl: 'https://b.example',
        staffRoleId: '3',
        ingestSince: now,
      },
      select: { id: true },
    });
    const [ana, ben] = await Promise.all(['Ana', 'Ben'].map((n) => db.student.create({ data: { courseId, displayName: n }, select: { id: true } })));
    const essay = (id: string, author: string, day: string, categories: string[]) =>
      db.essay.create({
        data: {
          id,
          courseId,
          blogPostId: id,
          url: `https://b.example/${id}`,
          title: id,
          authorStudentId: author,
          publishedAt: new Date(`${day}T12:00:00Z`),
          modifiedAt: now,
          categories: JSON.stringify(categories),
          threadNonce: id,
        },
      });
    await essay('in1', ana!.id, '2026-03-10', ['Week-2']);
    await essay('in2', ben!.id, '2026-03-11', ['week-2', 'misc']);
    await essay('wrongcat', ben!.id, '2026-03-11', ['week-1']);
    await essay('tooearly', ana!.id, '2026-03-01', ['week-2']);
    let n = 0;
    const comment = (essayId: string, author: string, origin: string) =>
      db.comment.create({
        data: {
          courseId,
          essayId,
          authorStudentId: author,
          origin,
          contentHash: `h${n++}`,
          writtenAt: new Date('2026-03-15T00:00:00Z'),
          discordMessageId: origin === 'discord' ? `m${n}` : null,
          blogCommentId: origin === 'blog' ? `b${n}` : null,
        },
      });
    await comment('in2', ana!.id, 'discord');
    await comment('in1', ben!.id, 'blog');
    await comment('wrongcat', ana!.id, 'blog');
    await comment('tooearly', ben!.id, 'discord');
    const round = await db.reviewRound.create({
      data: {
        courseId,
        name: 'Quota',
        dueAt: new Date('2026-03-18T00:00:00Z'),
        reviewsPerStudent: 1,
        mode: 'quota',
        seed: 's',
        essayFilter: JSON.stringify({ publishedFrom: '2026-03-05T00:00:00.000Z', category: 'week-2' }),
      },
    });
    await db.assignment.create({
      data: { roundId: round.id, reviewerStudentId: ana!.id, slotKey: 'quota:1', status: 'done', completedAt: new Date('2026-03-15T00:00:00Z') },
    });
    await db.assignment.create({ data: { roundId: round.id, reviewerStudentId: ben!.id, slotKey: 'quota:1', status: 'pending' } });

    const report = await participationReport(db, { courseId, roundId: round.id, now });
    const row = (id: string) => report.students.find((s) => s.studentId === id)!;
    expect(report.totals.essaysPublished).toBe(2);
    expect(row(ana!.id)).toMatchObject({
      essaysPublished: 1,
      commentsGiven: { discord: 1, blog: 0, total: 1 },
      commentsReceived: 1,
      reviews: { assigned: 1, done: 1, overdue: 0 },
    });
    expect(row(ben!.id)).toMatchObject({
      essaysPublished: 1,
      commentsGiven: { discord: 0, blog: 1, total: 1 },
      commentsReceived: 1,
      reviews: { assigned: 1, done: 0, overdue: 1 },
    });

    const whole = await participationReport(db, { courseId, now });
    expect(whole.totals.essaysPublished).toBe(4);
    expect(whole.totals.commentsDiscord + whole.totals.commentsBlog).toBe(4);
  });
});
