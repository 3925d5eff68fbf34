import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmRound, discardPreview } from '../../../src/reviews/confirm-round.js';
import { assignLateEssays } from '../../../src/reviews/late-essays.js';
import { previewRound } from '../../../src/reviews/preview-round.js';
import { refreshCompletion } from '../../../src/reviews/refresh-completion.js';
import { cancelRound, listRounds, swapReviewer } from '../../../src/reviews/round-admin.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { addComment, addEssay, createCourse, GUILD, seedStudents } from './course-fixture.js';

let t: TestDb;
let courseId: string;
let ids: string[];
let essayIds: string[];
const staff = { userId: '111111111111111111', guildId: GUILD };
const now = new Date('2026-10-20T14:00:00Z');
const dueAt = new Date('2026-10-27T21:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  courseId = await createCourse(t.db);
  ({ ids, essayIds } = await seedStudents(t.db, courseId, 8));
});
afterEach(() => t.close());

const preview = (over: Partial<Parameters<typeof previewRound>[1]> = {}) =>
  previewRound(t.db, { courseId, actorUserId: staff.userId, name: 'Week 3', dueAt, k: 2, mode: 'assigned', filter: {}, now, ...over });

describe('preview and confirm', () => {
  it('saves nothing but the pending plan; confirm applies exactly the previewed plan, once', async () => {
    const p = await preview();
    expect(p.text).toContain('Week 3');
    expect(p.text).toMatch(/Reviews per student: 2 for 8/);
    expect(p.text.length).toBeLessThanOrEqual(2_000);
    expect(await t.db.reviewRound.count()).toBe(0);
    expect(await t.db.assignment.count()).toBe(0);
    const first = await confirmRound(t.db, p.pendingId, staff, now);
    const second = await confirmRound(t.db, p.pendingId, staff, now);
    expect(first).toMatchObject({ created: true, assignments: 16 });
    expect(second).toEqual({ ...first, created: false });
    expect(await t.db.reviewRound.count()).toBe(1);
    const rows = await t.db.assignment.findMany({ select: { reviewerStudentId: true, essayId: true } });
    const planned = p.result.assignments.map((a) => ({ reviewerStudentId: a.reviewerId, essayId: a.essayId }));
    const key = (r: { reviewerStudentId: string; essayId: string | null }) => `${r.reviewerStudentId}|${r.essayId}`;
    expect(rows.map(key).sort()).toEqual(planned.map(key).sort());
    const authorOf = new Map(essayIds.map((e, i) => [e, ids[i]]));
    expect(rows.every((r) => authorOf.get(r.essayId!) !== r.reviewerStudentId)).toBe(true);
  });

  it('two concurrent Confirm presses create one round', async () => {
    const p = await preview();
    const results = await Promise.all([confirmRound(t.db, p.pendingId, staff, now), confirmRound(t.db, p.pendingId, staff, now)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.reviewRound.count()).toBe(1);
    expect(await t.db.assignment.count()).toBe(16);
  });

  it('an expired or cancelled preview gives a clear error and saves nothing', async () => {
    const p = await preview();
    await expect(confirmRound(t.db, p.pendingId, staff, new Date(now.getTime() + 31 * 60_000))).rejects.toThrow(/expired/);
    const q = await preview();
    expect(await discardPreview(t.db, q.pendingId)).toBe(true);
    await expect(confirmRound(t.db, q.pendingId, staff, now)).rejects.toThrow(/cancelled or has expired/);
    expect(await t.db.reviewRound.count()).toBe(0);
  });

  it('only the person who asked can confirm; a duplicate round name is refused', async () => {
    const p = await preview();
    await expect(confirmRound(t.db, p.pendingId, { ...staff, userId: '222222222222222222' }, now)).rejects.toThrow(/Only the person/);
    await confirmRound(t.db, p.pendingId, staff, now);
    await expect(preview()).rejects.toThrow(/already exists/);
  });

  it('explains an impossible round instead of saving a broken one', async () => {
    await expect(preview({ k: 9 })).rejects.toThrow(/cannot be assigned/);
    await expect(preview({ filter: { category: 'nothing-here' } })).rejects.toThrow(/no essays/i);
    expect(await t.db.pendingConfirmation.count()).toBe(0);
  });

  it('quota mode creates k slots per student', async () => {
    const p = await preview({ mode: 'quota', k: 3 });
    await confirmRound(t.db, p.pendingId, staff, now);
    const rows = await t.db.assignment.findMany({ where: { reviewerStudentId: ids[0] }, select: { slotKey: true, essayId: true } });
    expect(rows.map((r) => r.slotKey).sort()).toEqual(['quota:1', 'quota:2', 'quota:3']);
    expect(rows.every((r) => r.essayId === null)).toBe(true);
  });
});

describe('round administration', () => {
  it('lists, swaps a reviewer (new assignments) and cancels', async () => {
    const p = await preview();
    await confirmRound(t.db, p.pendingId, staff, now);
    const extra = (await t.db.student.create({ data: { courseId, displayName: 'Zed', email: 'zed@uni.edu' } })).id;
    const swap = await swapReviewer(t.db, { courseId, name: 'Week 3', fromStudentId: ids[0]!, toStudentId: extra, actor: staff });
    expect(swap).toEqual({ moved: 2, kept: [] });
    expect(await t.db.assignment.count({ where: { reviewerStudentId: extra, status: 'pending' } })).toBe(2);
    expect(await t.db.assignment.count({ where: { reviewerStudentId: ids[0], status: 'cancelled' } })).toBe(2);
    expect(await listRounds(t.db, courseId)).toMatchObject([{ name: 'Week 3', total: 16, done: 0, status: 'active' }]);
    expect(await cancelRound(t.db, { courseId, name: 'Week 3', actor: staff })).toEqual({ cancelledAssignments: 16 });
    await expect(cancelRound(t.db, { courseId, name: 'Week 3', actor: staff })).rejects.toThrow(/already cancelled/);
  });

  it('assigns reviewers to an essay published late, once, never to its author', async () => {
    const p = await preview();
    await confirmRound(t.db, p.pendingId, staff, now);
    const late = await addEssay(t.db, courseId, ids[3]!, 'Late essay', new Date('2026-10-22T10:00:00Z'), { createdAt: new Date('2026-10-22T10:05:00Z') });
    const later = new Date('2026-10-22T10:10:00Z');
    const [a, b] = await Promise.all([assignLateEssays(t.db, courseId, later), assignLateEssays(t.db, courseId, later)]);
    expect(a.assigned + b.assigned).toBe(2);
    const rows = await t.db.assignment.findMany({ where: { essayId: late }, select: { reviewerStudentId: true } });
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.reviewerStudentId === ids[3])).toBe(false);
    expect((await assignLateEssays(t.db, courseId, later)).assigned).toBe(0);
  });
});

describe('completion', () => {
  it('counts one comment of at least minCommentWords on the assigned essay; late is done_late', async () => {
    const p = await preview();
    await confirmRound(t.db, p.pendingId, staff, now);
    const [a1, a2] = await t.db.assignment.findMany({ where: { reviewerStudentId: ids[0] }, orderBy: { essayId: 'asc' }, select: { id: true, essayId: true } });
    await addComment(t.db, courseId, a1!.essayId!, ids[0]!, 24, new Date('2026-10-21T10:00:00Z')); // one word short
    expect(await refreshCompletion(t.db, courseId, new Date('2026-10-21T11:00:00Z'))).toEqual({ done: 0, doneLate: 0 });
    const c = await addComment(t.db, courseId, a1!.essayId!, ids[0]!, 25, new Date('2026-10-21T12:00:00Z'));
    await addComment(t.db, courseId, a2!.essayId!, ids[0]!, 80, new Date('2026-10-28T12:00:00Z'));
    expect(await refreshCompletion(t.db, courseId, new Date('2026-10-29T00:00:00Z'))).toEqual({ done: 1, doneLate: 1 });
    expect(await t.db.assignment.findUniqueOrThrow({ where: { id: a1!.id } })).toMatchObject({ status: 'done', completedCommentId: c });
    expect(await t.db.assignment.findUniqueOrThrow({ where: { id: a2!.id } })).toMatchObject({ status: 'done_late' });
  });

  it('quota slots complete one by one with distinct peer essays', async () => {
    const p = await preview({ mode: 'quota', k: 2 });
    await confirmRound(t.db, p.pendingId, staff, now);
    await addComment(t.db, courseId, essayIds[0]!, ids[0]!, 100, new Date('2026-10-21T10:00:00Z')); // own essay: no
    await addComment(t.db, courseId, essayIds[1]!, ids[0]!, 100, new Date('2026-10-21T11:00:00Z'));
    await addComment(t.db, courseId, essayIds[1]!, ids[0]!, 100, new Date('2026-10-21T12:00:00Z')); // same essay again: no
    await refreshCompletion(t.db, courseId, new Date('2026-10-22T00:00:00Z'));
    const slots = await t.db.assignment.findMany({
      where: { reviewerStudentId: ids[0] },
      orderBy: { slotKey: 'asc' },
      select: { slotKey: true, status: true },
    });
    expect(slots).toEqual([
      { slotKey: 'quota:1', status: 'done' },
      { slotKey: 'quota:2', status: 'pending' },
    ]);
  });
});
