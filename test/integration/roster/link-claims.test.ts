import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveLink, confirmLinkClaims, hashCode, startLinkClaim, studentForBlogComment } from '../../../src/roster/link-claims.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, GUILD } from '../reviews/course-fixture.js';

let t: TestDb;
let courseId: string;
let adaId: string;
const ada = '123456789012345678';
const now = new Date('2026-10-01T12:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  courseId = await createCourse(t.db);
  adaId = (await t.db.student.create({ data: { courseId, displayName: 'Ada', email: 'ada@uni.edu', discordUserId: ada } })).id;
});
afterEach(() => t.close());

describe('link claims', () => {
  it('stores only the hash, and a logged-in blog comment with the code links the blog user id', async () => {
    const { code, expiresAt } = await startLinkClaim(t.db, { courseId, discordUserId: ada, blogUsername: 'ada', now });
    expect(code).toMatch(/^CT-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(48 * 3_600_000);
    const claim = await t.db.linkClaim.findFirstOrThrow({ where: { studentId: adaId } });
    expect(claim.codeHash).toBe(hashCode(code));
    expect(JSON.stringify(claim)).not.toContain(code);
    // A guest comment with the code proves nothing; a wrong code neither.
    expect(
      await confirmLinkClaims(t.db, {
        courseId,
        now,
        comments: [
          { authorBlogUserId: null, contentHtml: `<p>${code}</p>` },
          { authorBlogUserId: '77', contentHtml: 'CT-AAAA-BBBB' },
        ],
      }),
    ).toEqual([]);
    const confirmed = await confirmLinkClaims(t.db, {
      courseId,
      now,
      comments: [{ authorBlogUserId: '77', contentHtml: `<p>my code: ${code.toLowerCase()}</p>` }],
    });
    expect(confirmed).toEqual([{ studentId: adaId, blogUserId: '77' }]);
    expect(await t.db.student.findUniqueOrThrow({ where: { id: adaId }, select: { blogUserId: true, blogUsername: true } })).toEqual({
      blogUserId: '77',
      blogUsername: 'ada',
    });
    expect(await studentForBlogComment(t.db, courseId, { blogUserId: '77' })).toEqual({ studentId: adaId, via: 'blog_user' });
    // Seen again by the next poll: nothing happens twice.
    expect(await confirmLinkClaims(t.db, { courseId, now, comments: [{ authorBlogUserId: '77', contentHtml: code }] })).toEqual([]);
  });

  it('an expired code or a replaced code does not confirm', async () => {
    const first = await startLinkClaim(t.db, { courseId, discordUserId: ada, blogUsername: 'ada', now });
    const second = await startLinkClaim(t.db, { courseId, discordUserId: ada, blogUsername: 'ada', now });
    expect(await confirmLinkClaims(t.db, { courseId, now, comments: [{ authorBlogUserId: '77', contentHtml: first.code }] })).toEqual([]);
    const late = new Date(now.getTime() + 49 * 3_600_000);
    expect(await confirmLinkClaims(t.db, { courseId, now: late, comments: [{ authorBlogUserId: '77', contentHtml: second.code }] })).toEqual([]);
  });

  it('refuses a student who is not on the roster', async () => {
    await expect(startLinkClaim(t.db, { courseId, discordUserId: '999999999999999999', blogUsername: 'x', now })).rejects.toThrow(/not on this course/);
  });

  it('staff approval links without a code; the e-mail a comment carries never attributes it, even a verified one', async () => {
    await approveLink(t.db, { courseId, discordUserId: ada, blogUsername: 'ada', blogUserId: '55', actor: { userId: '1', guildId: GUILD }, now });
    expect(await studentForBlogComment(t.db, courseId, { blogUserId: '55' })).toEqual({ studentId: adaId, via: 'blog_user' });
    await t.db.student.update({ where: { id: adaId }, data: { emailVerified: true } });
    // Another blog account (or a guest) typing Ada's e-mail: anyone can type it, so it credits nobody.
    expect(await studentForBlogComment(t.db, courseId, { blogUserId: '999' })).toBeNull();
    expect(await studentForBlogComment(t.db, courseId, { blogUserId: null })).toBeNull();
    expect(await t.db.auditEntry.count({ where: { action: 'link.approve' } })).toBe(1);
  });
});
