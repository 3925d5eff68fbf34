import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import { createCourse } from '../../support/course-fixture.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

const root = path.resolve(import.meta.dirname, '../../..');
const otherKey = Buffer.alloc(32, 5).toString('base64');

function start(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|COURSETHREADS_|DATABASE_URL)/.test(k)));
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
}

let testDb: TestDb;
beforeEach(async () => {
  testDb = await createTestDb();
});
afterEach(() => testDb.close());

describe('npm start', () => {
  it('without a token says exactly what to set, and how to try the bot offline', () => {
    const run = start({ DATABASE_URL: testDb.url });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN');
    expect(run.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(run.stderr).toContain('COURSETHREADS_SECRET_KEYS');
    expect(run.stderr).toContain('npm run demo');
  });

  it('refuses to start when stored blog credentials cannot be opened with the configured key, and changes nothing', async () => {
    const courseId = await createCourse(testDb.db, {
      blogUrl: 'http://127.0.0.1:9',
      username: 'bot',
      appPassword: 'secret app password',
      ingestSince: new Date(),
    });
    const before = await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId } });
    const token = 'x'.repeat(24) + '.' + 'y'.repeat(6) + '.' + 'z'.repeat(38);
    // The same start each time but for the version `otherKey` is configured under.
    const startWithOtherKeyAs = (version: number) =>
      start({
        DATABASE_URL: testDb.url,
        DISCORD_TOKEN: token,
        DISCORD_APPLICATION_ID: '123456789012345678',
        COURSETHREADS_SECRET_KEYS: `${version}:${otherKey}`,
      });
    const wrongKey = startWithOtherKeyAs(1);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain('cannot be opened with COURSETHREADS_SECRET_KEYS');
    expect(wrongKey.stderr).not.toContain('secret app password');
    const missingVersion = startWithOtherKeyAs(2);
    expect(missingVersion.status).toBe(1);
    expect(missingVersion.stderr).toContain('key version 1, which is not configured');
    const after = await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId } });
    expect(after).toEqual(before);
    expect(new SecretBox({ '2': otherKey }).currentVersion).toBe(2);
  });
});
