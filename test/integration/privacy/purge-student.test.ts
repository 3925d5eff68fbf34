import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeStudent } from '../../../src/privacy/purge-student.js';
import { UserError } from '../../../src/shared/user-error.js';
import { refuseAuditEntries } from '../../support/failing-audit-insert.js';
import { createTestDb, testDatabaseKind, type TestDb } from '../../support/test-db.js';
import { courseTotals, traces } from './db-bytes.js';
import { bruno, seedCourse, zelda } from './seed-course.js';

const now = new Date('2026-10-01T09:00:00Z');
const staff = '400000000000000009';
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const identities = (p: typeof zelda) => [p.displayName, p.email, p.discordUserId, p.blogUserId, p.blogUsername];

describe('purgeStudent', () => {
  it('leaves no trace of the student in the database file, keeps the other student and the totals', async () => {
    const s = await seedCourse(t.db);
    const before = await courseTotals(t.db, s.courseId);
    const brunoBefore = await t.db.student.findUniqueOrThrow({ where: { id: s.b.id }, include: { linkClaims: true, reminders: true, reviews: true } });
    const brunoEffect = await t.db.outboxItem.findUniqueOrThrow({ where: { dedupeKey: 'create-b' } });
    // Positive control: the search does find her while she is there.
    expect(await traces(t, [...identities(zelda), s.a.id])).toEqual([...identities(zelda), s.a.id]);

    const summary = await purgeStudent(t.db, { courseId: s.courseId, studentId: s.a.id, actorUserId: staff, guildId: s.guildId, now });

    // SQLite: the file is rebuilt so deleted bytes are gone; PostgreSQL leaves that to (auto)vacuum.
    expect(summary.compacted).toBe(testDatabaseKind() === 'sqlite');
    expect(await traces(t, [...identities(zelda), s.a.id])).toEqual([]);
    expect(await traces(t, identities(bruno))).toEqual(identities(bruno));

    const brunoAfter = await t.db.student.findUniqueOrThrow({ where: { id: s.b.id }, include: { linkClaims: true, reminders: true, reviews: true } });
    expect(brunoAfter).toEqual(brunoBefore);
    expect(await t.db.outboxItem.findUniqueOrThrow({ where: { dedupeKey: 'create-b' } })).toEqual(brunoEffect);
    expect(await courseTotals(t.db, s.courseId)).toEqual(before);
    expect(summary.tally).toEqual({ purgedStudents: 1, essays: 1, commentsGiven: 2, reviewsDone: 1, remindersSent: 1 });
    expect(summary.remainsElsewhere).toEqual({ discordMessages: 1, blogComments: 2, blogEssays: 1, blogFilesBeingDeleted: 0 });
    expect(summary.remainsNote).toContain('1 message(s) in the course');
    expect(summary.removed).toMatchObject({
      students: 1,
      linkClaims: 1,
      reminders: 1,
      reviewAssignments: 1,
      essaysAnonymised: 1,
      commentsAnonymised: 3,
      confirmationsRemoved: 1,
      auditTargetsCleared: 1,
    });
  });

  it('keeps her essays and comments as anonymous rows with the ids that keep both sides in step', async () => {
    const s = await seedCourse(t.db);
    await purgeStudent(t.db, { courseId: s.courseId, studentId: s.a.id, actorUserId: staff, guildId: s.guildId, now });
    const essay = await t.db.essay.findUniqueOrThrow({ where: { id: s.ea.id } });
    expect(essay).toMatchObject({ authorStudentId: null, authorName: null, authorBlogUserId: null, threadId: s.ea.threadId, blogPostId: s.ea.blogPostId });
    const comments = await t.db.comment.findMany({ where: { id: { in: [s.caDiscord.id, s.caBlog.id, s.guest.id] } }, orderBy: { writtenAt: 'asc' } });
    expect(comments.map((c) => [c.authorStudentId, c.authorName, c.discordMessageId, c.blogCommentId])).toEqual([
      [null, null, '310000000000000001', '9001'],
      [null, null, null, '9002'],
      [null, null, null, '9004'],
    ]);
    // Bruno's review of her essay is his, and stays.
    expect(await t.db.assignment.findUnique({ where: { id: s.asB.id } })).not.toBeNull();
  });

  it('drops effects that would publish her words, redacts delivered ones, keeps id-only and scrubbed ones', async () => {
    const s = await seedCourse(t.db);
    const summary = await purgeStudent(t.db, { courseId: s.courseId, studentId: s.a.id, actorUserId: staff, guildId: s.guildId, now });
    const items = Object.fromEntries((await t.db.outboxItem.findMany()).map((i) => [i.dedupeKey, i]));
    expect(items['create-a']).toBeUndefined();
    expect(JSON.parse(items['post-a']!.payload)).toEqual({ commentId: s.caBlog.id, redacted: true });
    expect(JSON.parse(items['trash-a']!.payload)).toEqual({ commentId: s.caBlog.id });
    expect(items['edit-ea']!.status).toBe('pending');
    expect(JSON.parse(items['edit-ea']!.payload).starter.content).toBe('by [removed] ([removed])');
    expect(summary.removed).toMatchObject({ outboxDeleted: 1, outboxRedacted: 2 });
  });

  it('writes one roster.purge audit entry without her name, and clears her as a target', async () => {
    const s = await seedCourse(t.db);
    await purgeStudent(t.db, { courseId: s.courseId, studentId: s.a.id, actorUserId: staff, guildId: s.guildId, now });
    const entries = await t.db.auditEntry.findMany({ where: { courseId: s.courseId }, orderBy: { createdAt: 'asc' } });
    const purge = entries.filter((e) => e.action === 'roster.purge');
    expect(purge).toHaveLength(1);
    expect(purge[0]).toMatchObject({ actorUserId: staff, targetStudentId: null, createdAt: now });
    expect(JSON.parse(purge[0]!.details).removed.students).toBe(1);
    expect(entries.map((e) => e.targetStudentId).filter(Boolean)).toEqual([s.b.id]);
    expect(JSON.parse(entries.find((e) => e.action === 'roster.add' && e.details.includes('removed'))!.details)).toEqual({
      name: '[removed]',
      email: '[removed]',
      discord: '[removed]',
    });
    expect(await t.db.pendingConfirmation.findMany({ select: { payload: true } })).toEqual([{ payload: JSON.stringify({ studentId: s.b.id }) }]);
  });

  it('changes nothing when the student is not on this course roster', async () => {
    const s = await seedCourse(t.db);
    const other = await seedCourse(t.db, {
      channelId: '500000000000000099',
      tag: '9',
      people: [
        { ...zelda, discordUserId: '771234567890123499' },
        { ...bruno, discordUserId: '661234567890123499' },
      ],
    });
    const purge = purgeStudent(t.db, { courseId: s.courseId, studentId: other.a.id, actorUserId: staff, guildId: s.guildId, now });
    await expect(purge).rejects.toBeInstanceOf(UserError);
    expect(await t.db.student.count()).toBe(4);
    expect(await t.db.auditEntry.count({ where: { action: 'roster.purge' } })).toBe(0);
  });

  it('rolls everything back when a step fails part-way', async () => {
    const s = await seedCourse(t.db);
    // The final audit insert fails, after every delete and update already ran.
    await refuseAuditEntries(t.db, 'roster.purge');
    await expect(purgeStudent(t.db, { courseId: s.courseId, studentId: s.a.id, actorUserId: staff, guildId: s.guildId, now })).rejects.toThrow();
    expect(await t.db.student.findUnique({ where: { id: s.a.id } })).not.toBeNull();
    expect(await t.db.comment.count({ where: { authorStudentId: s.a.id } })).toBe(2);
    expect(await t.db.outboxItem.count()).toBe(5);
    expect(await t.db.anonymousTally.count()).toBe(0);
  });
});
