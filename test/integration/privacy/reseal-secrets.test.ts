import { spawnSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../../src/privacy/secret-box.js';
import { createCourse, testSecretKeys } from '../../support/course-fixture.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

const root = path.resolve(import.meta.dirname, '../../..');
const oldKey = testSecretKeys['1'];
const newKey = Buffer.alloc(32, 7).toString('base64');
const unknownKey = Buffer.alloc(32, 3).toString('base64');

/** `npm run secrets:reseal` as an operator runs it, with only this test's database and keys in the environment. */
function reseal(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|COURSETHREADS_|DATABASE_URL)/.test(k)));
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reseal-secrets.ts'], {
    cwd: root,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** A row as CourseThreads wrote it before secrets were bound to their course: AES-256-GCM, no associated data. */
function legacyRow(key: string, keyVersion: number, plaintext: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { format: 1, keyVersion, iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

const credentials = (n: number) => ({ kind: 'application_password', username: `bot${n}`, password: `app password number ${n}` });

let testDb: TestDb;
beforeEach(async () => {
  testDb = await createTestDb();
});
afterEach(() => testDb.close());

async function course(n: number): Promise<string> {
  return createCourse(testDb.db, {
    blogUrl: `http://127.0.0.1:9/${n}`,
    username: `bot${n}`,
    appPassword: `app password number ${n}`,
    ingestSince: new Date(),
    guildId: `90000000000000010${n}`,
    channelId: `90000000000000020${n}`,
  });
}

// Each run is a fresh Node process (tsx, migrations): slow on a loaded machine, hence the generous limit.
describe('npm run secrets:reseal', { timeout: 240_000 }, () => {
  it('re-seals every blog secret under the newest key, so the old key can be retired; a second run changes nothing', async () => {
    const current = await course(1); // sealed today, under key 1
    const legacy = await course(2); // sealed before secrets were bound to their course
    await testDb.db.blogSecret.update({ where: { courseId: legacy }, data: legacyRow(oldKey, 1, JSON.stringify(credentials(2))) });
    const keys = { COURSETHREADS_SECRET_KEYS: `1:${oldKey},2:${newKey}`, DATABASE_URL: testDb.url };

    const first = reseal(keys);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/2 re-sealed under key version 2, 0 already current, 0 could not be opened/);
    for (const secret of [credentials(1).password, credentials(2).password, oldKey, newKey]) expect(first.stdout).not.toContain(secret);

    // The old key is gone from the configuration, and both courses' credentials still open.
    const newestOnly = new SecretBox({ '2': newKey });
    for (const [id, n] of [
      [current, 1],
      [legacy, 2],
    ] as const) {
      const row = await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: id } });
      expect(row.keyVersion).toBe(2);
      expect(JSON.parse(newestOnly.open(row))).toEqual(credentials(n));
    }

    const before = await testDb.db.blogSecret.findMany({ orderBy: { courseId: 'asc' } });
    const second = reseal(keys);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 re-sealed under key version 2, 2 already current, 0 could not be opened/);
    expect(await testDb.db.blogSecret.findMany({ orderBy: { courseId: 'asc' } })).toEqual(before);
  });

  it('names the course whose secret no configured key opens, re-seals the others, and exits with an error', async () => {
    const fine = await course(1);
    const stuck = await course(2);
    const sealedElsewhere = new SecretBox({ '3': unknownKey }).seal(JSON.stringify(credentials(2)), stuck);
    await testDb.db.blogSecret.update({ where: { courseId: stuck }, data: sealedElsewhere });
    const run = reseal({ COURSETHREADS_SECRET_KEYS: `1:${oldKey},2:${newKey}`, DATABASE_URL: testDb.url });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/1 re-sealed under key version 2, 0 already current, 1 could not be opened/);
    expect(run.stderr).toContain(stuck);
    expect(run.stderr).toContain('key version 3, which is not configured');
    expect(run.stderr + run.stdout).not.toContain(credentials(2).password);
    expect((await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: fine } })).keyVersion).toBe(2);
    expect(await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: stuck } })).toMatchObject({
      keyVersion: 3,
      ciphertext: sealedElsewhere.ciphertext,
    });
  });

  it('refuses to run without keys, and says what to set', async () => {
    const run = reseal({ DATABASE_URL: testDb.url });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('COURSETHREADS_SECRET_KEYS');
  });
});

describe('resealSecrets at start-up (onlyLegacy)', () => {
  it('binds secrets from before format 2 to their course and leaves the others for the operator’s key rotation', async () => {
    const { resealSecrets } = await import('../../../src/privacy/reseal-secrets.js');
    const bound = await course(1);
    const legacy = await course(2);
    await testDb.db.blogSecret.update({ where: { courseId: legacy }, data: legacyRow(oldKey, 1, JSON.stringify(credentials(2))) });
    const boundBefore = await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: bound } });
    const box = new SecretBox({ '1': oldKey, '2': newKey });
    expect(await resealSecrets(testDb.db, box, { onlyLegacy: true })).toMatchObject({ resealed: 1, alreadyCurrent: 1, failed: [] });
    expect(await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: bound } })).toEqual(boundBefore);
    const upgraded = await testDb.db.blogSecret.findUniqueOrThrow({ where: { courseId: legacy } });
    expect(JSON.parse(box.open(upgraded))).toEqual(credentials(2));
    // Now bound: the same ciphertext in the other course's row no longer opens.
    expect(() => box.open({ ...upgraded, courseId: bound })).toThrow();
  });
});

describe('push signing secrets (from /course push) under key rotation', { timeout: 240_000 }, () => {
  it('npm run secrets:reseal re-seals the push link’s secret too, so the old key can be retired and the plugin keeps working', async () => {
    const { issuePushSecret, findPushTarget } = await import('../../../src/courses/push-credentials.js');
    const id = await course(1);
    const issued = await issuePushSecret(testDb.db, new SecretBox({ '1': oldKey }), id, new Date());
    const run = reseal({ COURSETHREADS_SECRET_KEYS: `1:${oldKey},2:${newKey}`, DATABASE_URL: testDb.url });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Push secrets: 1 re-sealed under key version 2, 0 already current, 0 could not be opened/);
    expect(run.stdout).not.toContain(issued.secret);
    expect((await testDb.db.pushLink.findUniqueOrThrow({ where: { courseId: id } })).keyVersion).toBe(2);
    // With only the new key configured, the push URL still finds its course and the same secret.
    expect(await findPushTarget(testDb.db, new SecretBox({ '2': newKey }), issued.courseKey)).toMatchObject({ courseId: id, secret: issued.secret });
  });

  it('the bot refuses to start when a push secret cannot be opened with the configured keys, naming the course', async () => {
    const { issuePushSecret } = await import('../../../src/courses/push-credentials.js');
    const { checkSealedSecrets } = await import('../../../src/privacy/check-sealed-secrets.js');
    const id = await course(1);
    await issuePushSecret(testDb.db, new SecretBox({ '3': unknownKey }), id, new Date());
    const configured = new SecretBox({ '1': oldKey });
    await expect(checkSealedSecrets(testDb.db, configured)).rejects.toThrow(new RegExp(`push secret of course ${id}: .*key version 3`));
  });
});
