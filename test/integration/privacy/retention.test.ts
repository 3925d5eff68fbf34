import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coursesDueForPurge, coursesDueForPurgeWarning, markPurgeWarned, purgeDate } from '../../../src/privacy/retention.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

let n = 0;
async function course(name: string, data: { endsAt: Date | null; retentionDays?: number; purgeWarnedAt?: Date; purgedAt?: Date }) {
  n += 1;
  return t.db.course.create({
    data: {
      guildId: 'g',
      channelId: `c${n}`,
      channelKind: 'forum',
      name,
      blogKind: 'feed',
      blogUrl: 'https://b.example',
      staffRoleId: 'r',
      ingestSince: new Date('2026-01-01T00:00:00Z'),
      ...data,
    },
  });
}
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();
const ends = new Date('2026-12-15T00:00:00Z');
const day = 86_400_000;

describe('retention schedule', () => {
  it('purges endsAt + retentionDays (default 180), not a moment earlier', async () => {
    await course('default', { endsAt: ends });
    await course('short', { endsAt: ends, retentionDays: 30 });
    await course('open-ended', { endsAt: null });
    await course('done', { endsAt: ends, retentionDays: 0, purgedAt: ends });
    const purgeAt = purgeDate(ends, 180);
    expect(purgeAt.toISOString()).toBe('2027-06-13T00:00:00.000Z');
    expect(names(await coursesDueForPurge(t.db, new Date(ends.getTime() + 30 * day - 1)))).toEqual([]);
    expect(names(await coursesDueForPurge(t.db, new Date(ends.getTime() + 30 * day)))).toEqual(['short']);
    expect(names(await coursesDueForPurge(t.db, new Date(purgeAt.getTime() - 1)))).toEqual(['short']);
    const due = await coursesDueForPurge(t.db, purgeAt);
    expect(names(due)).toEqual(['default', 'short']);
    expect(due.find((c) => c.name === 'default')!.purgeAt).toEqual(purgeAt);
  });

  it('warns once, in the warnDays before the purge, never after it is due', async () => {
    const c = await course('default', { endsAt: ends });
    await course('warned', { endsAt: ends, purgeWarnedAt: new Date('2027-06-06T00:00:00Z') });
    const purgeAt = purgeDate(ends, 180);
    expect(names(await coursesDueForPurgeWarning(t.db, new Date(purgeAt.getTime() - 7 * day - 1)))).toEqual([]);
    expect(names(await coursesDueForPurgeWarning(t.db, new Date(purgeAt.getTime() - 7 * day)))).toEqual(['default']);
    expect(names(await coursesDueForPurgeWarning(t.db, new Date(purgeAt.getTime() - 3 * day), 2))).toEqual([]);
    expect(names(await coursesDueForPurgeWarning(t.db, purgeAt))).toEqual([]);
    const at = new Date(purgeAt.getTime() - 6 * day);
    expect(await markPurgeWarned(t.db, c.id, at)).toBe(true);
    expect(await markPurgeWarned(t.db, c.id, at)).toBe(false);
    expect(names(await coursesDueForPurgeWarning(t.db, at))).toEqual([]);
  });

  it('warns a course whose retention is shorter than the warning period, even before it ends', async () => {
    await course('two-days', { endsAt: ends, retentionDays: 2 });
    expect(names(await coursesDueForPurgeWarning(t.db, new Date(ends.getTime() - 4 * day)))).toEqual(['two-days']);
  });
});
