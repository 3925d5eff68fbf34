import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('a whole demo run at trace level', () => {
  it('exits 0 and prints no secret and no email address, on stdout or in its logs', () => {
    const secretsFile = path.join(mkdtempSync(path.join(tmpdir(), 'ct-demo-')), 'secrets.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/offline/demo/run-demo.ts'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'trace', DEMO_SECRETS_FILE: secretsFile },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.stderr.split('\n').filter((l) => l.startsWith('{')).length).toBeGreaterThan(5); // the log was really on
    const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as string[];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(output.includes(secret), 'a secret in the demo output').toBe(false);
    expect(output.match(/[\w.+-]+@[\w-]+\.[a-z]{2,}/gi) ?? []).toEqual([]);
  }, 120_000);
});
