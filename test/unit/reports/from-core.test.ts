import { describe, expect, it } from 'vitest';
import { computeParticipation } from '../../../src/core/participation/compute-participation.js';
import { toParticipationRows, toWeeklyPoints } from '../../../src/reports/render/from-core.js';

describe('from core participation to render rows', () => {
  const now = new Date('2025-03-20T12:00:00Z');
  const report = computeParticipation({
    now,
    students: [
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Bo' },
    ],
    essays: [{ id: 'e1', authorId: 'a', publishedAt: new Date('2025-03-03T10:00:00Z') }],
    comments: [
      { authorStudentId: 'b', essayId: 'e1', source: 'discord', createdAt: new Date('2025-03-04T10:00:00Z') },
      { authorStudentId: 'b', essayId: 'e1', source: 'blog', createdAt: new Date('2025-03-11T10:00:00Z') },
    ],
    assignments: [
      { id: 'x1', roundId: 'r', reviewerId: 'b', dueAt: new Date('2025-03-10T00:00:00Z'), completedAt: new Date('2025-03-11T10:00:00Z'), cancelled: false },
      { id: 'x2', roundId: 'r', reviewerId: 'a', dueAt: new Date('2025-03-10T00:00:00Z'), completedAt: null, cancelled: false },
    ],
    reminders: [{ assignmentId: 'x2', stage: 'at_due', status: 'sent' }],
  });

  it('flattens each student and adds e-mail only through the lookup', () => {
    const rows = toParticipationRows(report.students, (id) => (id === 'a' ? 'ann@uni.example' : undefined));
    expect(rows).toEqual([
      {
        studentName: 'Ann',
        email: 'ann@uni.example',
        essaysPublished: 1,
        commentsGivenDiscord: 0,
        commentsGivenBlog: 0,
        commentsReceived: 2,
        reviewsDone: 0,
        reviewsDoneLate: 0,
        reviewsPending: 0,
        reviewsOverdue: 1,
        remindersSent: 1,
      },
      {
        studentName: 'Bo',
        email: null,
        essaysPublished: 0,
        commentsGivenDiscord: 1,
        commentsGivenBlog: 1,
        commentsReceived: 0,
        reviewsDone: 0,
        reviewsDoneLate: 1,
        reviewsPending: 0,
        reviewsOverdue: 0,
        remindersSent: 0,
      },
    ]);
    expect(toParticipationRows(report.students).every((r) => r.email === null)).toBe(true);
  });

  it('adds both comment sources per week', () => {
    expect(toWeeklyPoints(report.weekly)).toEqual([
      { weekStart: '2025-03-03', essays: 1, comments: 1 },
      { weekStart: '2025-03-10', essays: 0, comments: 1 },
      { weekStart: '2025-03-17', essays: 0, comments: 0 },
    ]);
  });
});
