import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTally } from '../../../src/db/repositories/tally-anonymous.js';
import { purgeCourseData } from '../../../src/privacy/purge-course.js';
import { createTestDb, testDatabaseKind, type TestDb } from '../../support/test-db.js';
import { courseTotals, traces } from './db-bytes.js';
import { bruno, seedCourse, zelda, type Person } from './seed-course.js';

const now = new Date('2027-06-14T03:00:00Z');
// These courses hold no uploaded files, so the purge never needs their blog.
const noBlog = () => Promise.reject(new Error('no blog in a database-only test'));
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const ids = (p: Person) => [p.displayName, p.email, p.discordUserId, p.blogUserId, p.blogUsername];
const carol: Person = {
  displayName: 'Carolina Vasquez-Ng',
  email: 'carolina@uni.example',
  blogUserId: '553311',
  blogUsername: 'cvng',
  discordUserId: '551234567890123451',
};
const dev: Person = {
  displayName: 'Devendra Pillai',
  email: 'devendra@uni.example',
  blogUserId: '442299',
  blogUsername: 'dpillai',
  discordUserId: '441234567890123452',
};

describe('purgeCourseData', () => {
  it('removes every name, email and id of the course from the file, and leaves another course alone', async () => {
    const s = await seedCourse(t.db);
    const other = await seedCourse(t.db, { channelId: '500000000000000077', tag: '7', people: [carol, dev] });
    const guestName = 'Walk-in Reader';
    await t.db.comment.create({
      data: { courseId: s.courseId, essayId: s.ea.id, origin: 'blog', authorName: guestName, blogCommentId: '9999', contentHash: 'g', writtenAt: now },
    });
    await t.db.essay.create({
      data: {
        courseId: s.courseId,
        blogPostId: '777',
        url: 'https://blog.example.edu/guest/',
        title: 'Guest post',
        authorName: 'Guest Author',
        // Ten digits: a short number could turn up by chance in the file's random ids and hashes.
        authorBlogUserId: '8031337442',
        publishedAt: now,
        modifiedAt: now,
        threadNonce: 'gn',
      },
    });
    const before = await courseTotals(t.db, s.courseId);
    const otherBefore = await courseTotals(t.db, other.courseId);

    const summary = await purgeCourseData(t.db, { courseId: s.courseId, now, actorUserId: 'retention-job', blogFor: noBlog });

    expect(summary.compacted).toBe(testDatabaseKind() === 'sqlite');
    expect(await traces(t, [...ids(zelda), ...ids(bruno), guestName, 'Guest Author', '8031337442', s.a.id, s.b.id])).toEqual([]);
    expect(await traces(t, [...ids(carol), ...ids(dev)])).toEqual([...ids(carol), ...ids(dev)]);
    expect(await courseTotals(t.db, s.courseId)).toEqual(before);
    expect(await courseTotals(t.db, other.courseId)).toEqual(otherBefore);
    expect(await readTally(t.db, s.courseId)).toEqual({ purgedStudents: 2, essays: 2, commentsGiven: 3, reviewsDone: 2, remindersSent: 2 });
    expect(summary).toMatchObject({ blogSecretDeleted: true, outboxItemsDeleted: 5, alreadyPurged: false });
  });

  it('archives the course and empties every personal table, keeping anonymous rows', async () => {
    const s = await seedCourse(t.db);
    await purgeCourseData(t.db, { courseId: s.courseId, now, actorUserId: 'retention-job', blogFor: noBlog });
    const where = { courseId: s.courseId };
    const course = await t.db.course.findUniqueOrThrow({ where: { id: s.courseId } });
    expect(course).toMatchObject({ purgedAt: now, status: 'archived', createdByUserId: null });
    const counts = {
      students: await t.db.student.count({ where }),
      linkClaims: await t.db.linkClaim.count({ where }),
      reminders: await t.db.reminder.count({ where }),
      assignments: await t.db.assignment.count({ where: { round: where } }),
      outbox: await t.db.outboxItem.count({ where }),
      confirmations: await t.db.pendingConfirmation.count({ where }),
      secrets: await t.db.blogSecret.count({ where }),
      namedEssays: await t.db.essay.count({
        where: { ...where, OR: [{ authorName: { not: null } }, { authorBlogUserId: { not: null } }, { authorStudentId: { not: null } }] },
      }),
      namedComments: await t.db.comment.count({ where: { ...where, OR: [{ authorName: { not: null } }, { authorStudentId: { not: null } }] } }),
      auditTargets: await t.db.auditEntry.count({ where: { ...where, targetStudentId: { not: null } } }),
      roundCreators: await t.db.reviewRound.count({ where: { ...where, createdByUserId: { not: null } } }),
    };
    expect(
      Object.values(counts).every((n) => n === 0),
      JSON.stringify(counts),
    ).toBe(true);
    expect(await t.db.essay.count({ where })).toBe(2);
    expect(await t.db.comment.count({ where })).toBe(4);
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'course.purge' } });
    expect(entry).toMatchObject({ actorUserId: 'retention-job', createdAt: now });
  });

  it('can run again: nothing changes twice, purgedAt stays the first date', async () => {
    const s = await seedCourse(t.db);
    await purgeCourseData(t.db, { courseId: s.courseId, now, actorUserId: 'retention-job', blogFor: noBlog });
    const tally = await readTally(t.db, s.courseId);
    const again = await purgeCourseData(t.db, { courseId: s.courseId, now: new Date(now.getTime() + 86_400_000), actorUserId: 'staff', blogFor: noBlog });
    expect(again.alreadyPurged).toBe(true);
    expect(again.students.students).toBe(0);
    expect(await readTally(t.db, s.courseId)).toEqual(tally);
    expect((await t.db.course.findUniqueOrThrow({ where: { id: s.courseId } })).purgedAt).toEqual(now);
  });
});
