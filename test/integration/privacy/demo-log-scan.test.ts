import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('a whole demo run at trace level', () => {
  it('exits 0 and prints no secret and no email address, on stdout or in its logs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-demo-'));
    const secretsFile = path.join(dir, 'secrets.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/offline/demo/run-demo.ts'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'trace', DEMO_SECRETS_FILE: secretsFile, DEMO_CHART_DIR: dir },
      encoding: 'utf8',
      timeout: 90_000,
    });
    const secrets = existsSync(secretsFile) ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as string[]) : [];
    rmSync(dir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.stderr.split('\n').filter((l) => l.startsWith('{')).length).toBeGreaterThan(5); // the log was really on
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(output.includes(secret), 'a secret in the demo output').toBe(false);
    expect(output.match(/[\w.+-]+@[\w-]+\.[a-z]{2,}/gi) ?? []).toEqual([]);
  }, 120_000);
});
