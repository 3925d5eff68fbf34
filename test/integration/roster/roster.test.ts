import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../../src/roster/import-roster.js';
import { addStudent, removeStudent, showRoster } from '../../../src/roster/roster-students.js';
import { UserError } from '../../../src/shared/user-error.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { createCourse, GUILD } from '../reviews/course-fixture.js';

let t: TestDb;
let courseId: string;
const actor = { userId: '111111111111111111', guildId: GUILD };

beforeEach(async () => {
  t = await createTestDb();
  courseId = await createCourse(t.db);
});
afterEach(() => t.close());

const good = [
  'Name,Email,Blog username,Discord',
  'Ada Lovelace,ada@uni.edu,ada,123456789012345678',
  'Grace Hopper,grace@uni.edu,,@grace.h',
  '"Hopper, Jr.",jr@uni.edu,hopperjr,',
].join('\n');

async function snapshot() {
  return await t.db.student.findMany({
    where: { courseId },
    orderBy: { email: 'asc' },
    select: { email: true, displayName: true, blogUsername: true, discordUserId: true },
  });
}

describe('importRoster', () => {
  it('creates students, resolves Discord usernames through the callback, and reports per line', async () => {
    const result = await importRoster(t.db, {
      courseId,
      csvBytes: Buffer.from(good),
      actor,
      resolveDiscordUsername: async (u) => (u === 'grace.h' ? '223456789012345678' : null),
    });
    expect(result).toMatchObject({ ok: true, created: 3, updated: 0 });
    if (!result.ok) return;
    expect(result.lines.map((l) => [l.line, l.action])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
    ]);
    expect(await snapshot()).toEqual([
      { email: 'ada@uni.edu', displayName: 'Ada Lovelace', blogUsername: 'ada', discordUserId: '123456789012345678' },
      { email: 'grace@uni.edu', displayName: 'Grace Hopper', blogUsername: null, discordUserId: '223456789012345678' },
      { email: 'jr@uni.edu', displayName: 'Hopper, Jr.', blogUsername: 'hopperjr', discordUserId: null },
    ]);
    expect(await t.db.auditEntry.count({ where: { courseId, action: 'roster.import' } })).toBe(1);
  });

  it('upserts by email: a second import updates changed rows and leaves the rest unchanged', async () => {
    await importRoster(t.db, { courseId, csvBytes: good, actor });
    const second = good.replace('Ada Lovelace', 'Ada King').replace('\n"Hopper, Jr.",jr@uni.edu,hopperjr,', '\nNew Person,new@uni.edu,newp,');
    const result = await importRoster(t.db, { courseId, csvBytes: second, actor });
    expect(result.ok && result.lines.map((l) => l.action)).toEqual(['updated', 'unchanged', 'created']);
    expect((await snapshot()).map((s) => s.displayName)).toEqual(['Ada King', 'Grace Hopper', 'Hopper, Jr.', 'New Person']);
  });

  it('notes an unknown Discord username but still imports the line', async () => {
    const result = await importRoster(t.db, { courseId, csvBytes: good, actor, resolveDiscordUsername: async () => null });
    expect(result.ok && result.lines[1]!.note).toMatch(/grace\.h.*not a member of this server.*\/roster import again/);
  });

  const malformed: Array<[string, Uint8Array | string, RegExp]> = [
    ['bad encoding (Latin-1)', Buffer.concat([Buffer.from('name,email\nJos'), Buffer.from([0xe9]), Buffer.from(',jose@uni.edu\n')]), /UTF-8/],
    ['missing email column', 'name,blog\nAda,ada\n', /Missing required column/],
    ['duplicate email', 'name,email\nA,a@uni.edu\nB,a@uni.edu\n', /also on line 2/],
    ['duplicate Discord user', 'name,email,discord\nA,a@uni.edu,123456789012345678\nB,b@uni.edu,123456789012345678\n', /also on line 2/],
    ['formula injection', 'name,email\n"=HYPERLINK(""http://evil"",""x"")",a@uni.edu\n', /formula/],
    ['bad email on one line of many', 'name,email\nA,a@uni.edu\nB,not-an-email\nC,c@uni.edu\n', /not a valid email/],
  ];
  for (const [label, bytes, message] of malformed) {
    it(`changes nothing for a malformed file: ${label}`, async () => {
      await importRoster(t.db, { courseId, csvBytes: 'name,email\nKeep Me,keep@uni.edu\n', actor });
      const before = await snapshot();
      const result = await importRoster(t.db, { courseId, csvBytes: bytes, actor });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => e.message).join(' ')).toMatch(message);
      expect(result.errors.every((e) => e.line >= 1)).toBe(true);
      expect(await snapshot()).toEqual(before);
      expect(await t.db.auditEntry.count({ where: { courseId, action: 'roster.import' } })).toBe(1);
    });
  }

  it('refuses a file whose Discord user already belongs to another stored student, applying nothing', async () => {
    await importRoster(t.db, { courseId, csvBytes: good, actor });
    const before = await snapshot();
    const result = await importRoster(t.db, { courseId, csvBytes: 'name,email,discord\nZed,zed@uni.edu,\nEve,eve@uni.edu,123456789012345678\n', actor });
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringMatching(/already belongs to Ada Lovelace/) }] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('add, remove, show', () => {
  it('adds a student, refuses a duplicate email, removes with pending assignments', async () => {
    const { studentId } = await addStudent(t.db, { courseId, student: { name: 'Ada', email: 'ADA@uni.edu', discordUserId: '123456789012345678' }, actor });
    await expect(addStudent(t.db, { courseId, student: { name: 'Ada 2', email: 'ada@uni.edu' }, actor })).rejects.toBeInstanceOf(UserError);
    await expect(addStudent(t.db, { courseId, student: { name: 'X', email: 'nope' }, actor })).rejects.toThrow(/not a valid email/);
    const round = await t.db.reviewRound.create({
      data: { courseId, name: 'R1', dueAt: new Date('2026-12-01T00:00:00Z'), reviewsPerStudent: 1, mode: 'quota', seed: 's' },
    });
    await t.db.assignment.create({ data: { roundId: round.id, reviewerStudentId: studentId, slotKey: 'quota:1' } });
    expect((await showRoster(t.db, courseId)).map((e) => e.email)).toEqual(['ada@uni.edu']);
    const removed = await removeStudent(t.db, { courseId, student: { email: 'ada@uni.edu' }, actor });
    expect(removed).toEqual({ displayName: 'Ada', pendingRemoved: 1 });
    expect(await showRoster(t.db, courseId)).toEqual([]);
    expect(await t.db.assignment.count()).toBe(0);
    await expect(removeStudent(t.db, { courseId, student: { email: 'ada@uni.edu' }, actor })).rejects.toThrow(/not on the roster/);
  });
});
