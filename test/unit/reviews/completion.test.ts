import { describe, expect, it } from 'vitest';
import { isReviewComplete } from '../../../src/core/reviews/completion.js';

const due = new Date('2025-03-31T08:00:00Z');
const c = (author: string | null, essayId: string, wordCount: number, at: string) => ({
  authorStudentId: author,
  essayId,
  wordCount,
  createdAt: new Date(at),
});

describe('isReviewComplete', () => {
  const assignment = { reviewerId: 'ana', essayId: 'e1' };

  it('is done by the first long-enough comment from the reviewer on the assigned essay', () => {
    const r = isReviewComplete({
      assignment,
      minWords: 25,
      dueAt: due,
      comments: [
        c('ana', 'e1', 10, '2025-03-30T10:00:00Z'), // too short
        c('bob', 'e1', 80, '2025-03-30T11:00:00Z'), // someone else
        c('ana', 'e2', 80, '2025-03-30T12:00:00Z'), // another essay
        c('ana', 'e1', 30, '2025-03-30T15:00:00Z'),
        c('ana', 'e1', 30, '2025-03-30T13:00:00Z'),
      ],
    });
    expect(r).toEqual({ done: true, late: false, commentAt: new Date('2025-03-30T13:00:00Z') });
  });

  it('records lateness and does not add up short comments', () => {
    expect(isReviewComplete({ assignment, minWords: 25, dueAt: due, comments: [c('ana', 'e1', 25, '2025-03-31T08:00:01Z')] })).toEqual({
      done: true,
      late: true,
      commentAt: new Date('2025-03-31T08:00:01Z'),
    });
    expect(
      isReviewComplete({ assignment, dueAt: due, comments: [c('ana', 'e1', 20, '2025-03-30T00:00:00Z'), c('ana', 'e1', 20, '2025-03-30T01:00:00Z')] }).done,
    ).toBe(false);
  });

  it('counts distinct eligible essays in quota mode', () => {
    const quota = { reviewerId: 'ana', essayId: null, required: 2, eligibleEssayIds: ['e1', 'e2', 'e3'] };
    const comments = [
      c('ana', 'e1', 40, '2025-03-29T10:00:00Z'),
      c('ana', 'e1', 40, '2025-03-29T11:00:00Z'), // same essay again
      c('ana', 'own', 40, '2025-03-29T12:00:00Z'), // not eligible (her own)
      c('ana', 'e3', 40, '2025-03-31T09:00:00Z'),
    ];
    expect(isReviewComplete({ assignment: quota, dueAt: due, comments })).toEqual({ done: true, late: true, commentAt: new Date('2025-03-31T09:00:00Z') });
    expect(isReviewComplete({ assignment: { ...quota, required: 3 }, dueAt: due, comments }).done).toBe(false);
  });
});
