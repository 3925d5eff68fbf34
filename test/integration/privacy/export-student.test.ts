import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportStudentData } from '../../../src/privacy/export-student.js';
import { UserError } from '../../../src/shared/user-error.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { bruno, seedCourse, zelda } from './seed-course.js';

const now = new Date('2026-10-01T09:00:00Z');
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe('exportStudentData', () => {
  it('holds her roster row, claims, essays, comments, reviews, reminders and audit entries as plain JSON', async () => {
    const s = await seedCourse(t.db);
    const data = await exportStudentData(t.db, { courseId: s.courseId, studentId: s.a.id, now });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.exportedAt).toBe(now.toISOString());
    expect(data.course.personalDataPurgedAt).toBe('2027-06-13T00:00:00.000Z'); // 2026-12-15 + 180 days
    expect(data.student).toMatchObject({ id: s.a.id, ...zelda, emailVerified: true, reminderMode: 'dm' });
    expect(data.linkClaims).toEqual([
      expect.objectContaining({ blogUsername: zelda.blogUsername, status: 'confirmed', confirmedAt: '2026-09-05T00:00:00.000Z' }),
    ]);
    expect(data.essays.map((e) => e.id)).toEqual([s.ea.id]);
    expect(data.essays[0]!.categories).toEqual([]);
    expect(data.comments.map((c) => [c.id, c.origin, c.essay.title])).toEqual([
      [s.caDiscord.id, 'discord', 'On rivers 2'],
      [s.caBlog.id, 'blog', 'On rivers 2'],
    ]);
    expect(data.reviewsGiven).toEqual([
      expect.objectContaining({
        status: 'done',
        completedCommentId: s.caDiscord.id,
        round: { name: 'Round 1', dueAt: '2026-09-20T23:59:00.000Z', mode: 'assigned' },
      }),
    ]);
    expect(data.reminders).toEqual([expect.objectContaining({ stage: 'before_48h', status: 'sent', deliveredVia: 'dm' })]);
    expect(data.auditEntries).toEqual([
      expect.objectContaining({ action: 'roster.add', details: { name: zelda.displayName, email: zelda.email, discord: zelda.discordUserId } }),
    ]);
  });

  it('leaves out link-code hashes and other students’ data they cannot already see', async () => {
    const s = await seedCourse(t.db);
    const data = await exportStudentData(t.db, { courseId: s.courseId, studentId: s.a.id, now });
    const text = JSON.stringify(data);
    expect(text).not.toContain('codeHash');
    expect(text).not.toContain('a'.repeat(64));
    for (const v of [bruno.displayName, bruno.email, bruno.blogUsername, bruno.blogUserId, s.b.id]) expect(text, v).not.toContain(v);
    // Bruno's done review of her essay shows as his Discord comment (visible in her thread anyway);
    // his pending one in round 2 does not name him.
    expect(data.reviewsReceived).toEqual([
      expect.objectContaining({
        status: 'done',
        review: expect.objectContaining({ origin: 'discord', reviewerDiscordUserId: bruno.discordUserId, discordMessageId: '310000000000000003' }),
      }),
      expect.objectContaining({ status: 'pending', review: null, round: { name: 'Round 2', dueAt: '2026-10-20T23:59:00.000Z' } }),
    ]);
  });

  it('holds what she did herself, but not the details of an action she took about another student', async () => {
    const s = await seedCourse(t.db);
    const mine = { courseId: s.courseId, guildId: s.guildId, actorUserId: zelda.discordUserId };
    await t.db.auditEntry.create({
      data: { ...mine, action: 'access.denied', details: JSON.stringify({ command: 'reviews', subcommand: 'assign' }), createdAt: now },
    });
    // Were she a TA who swapped Bruno's reviewer: that entry's details are about Bruno.
    await t.db.auditEntry.create({
      data: {
        ...mine,
        action: 'reviews.swap',
        targetStudentId: s.b.id,
        details: JSON.stringify({ round: 'Round 1', to: s.b.id, note: bruno.displayName }),
        createdAt: new Date(now.getTime() + 1_000),
      },
    });
    const data = await exportStudentData(t.db, { courseId: s.courseId, studentId: s.a.id, now });
    expect(data.auditEntries.filter((a) => a.actorUserId === zelda.discordUserId).map((a) => [a.action, a.details])).toEqual([
      ['access.denied', { command: 'reviews', subcommand: 'assign' }],
      ['reviews.swap', 'about another student (left out)'],
    ]);
    for (const v of [bruno.displayName, s.b.id]) expect(JSON.stringify(data), v).not.toContain(v);
  });

  it('writes a staff look to the audit log only when asked to', async () => {
    const s = await seedCourse(t.db);
    await exportStudentData(t.db, { courseId: s.courseId, studentId: s.a.id, now });
    expect(await t.db.auditEntry.count({ where: { action: 'privacy.export' } })).toBe(0);
    await exportStudentData(t.db, { courseId: s.courseId, studentId: s.a.id, now, auditAs: { actorUserId: '400000000000000009', guildId: s.guildId } });
    expect(
      await t.db.auditEntry.findMany({ where: { action: 'privacy.export' }, select: { actorUserId: true, targetStudentId: true, createdAt: true } }),
    ).toEqual([{ actorUserId: '400000000000000009', targetStudentId: s.a.id, createdAt: now }]);
  });

  it('refuses a student of another course', async () => {
    const s = await seedCourse(t.db);
    await expect(exportStudentData(t.db, { courseId: 'other-course', studentId: s.a.id })).rejects.toBeInstanceOf(UserError);
  });
});
