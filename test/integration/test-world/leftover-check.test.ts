// CI fails when a server or bot process that a test run started is still running at its end
// (.ci/leftover-processes, the last step of .ci/run). Shown with a stand-in process under a unique name.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function check(marker: string): { status: number | null; stderr: string } {
  const res = spawnSync('bash', [path.join(root, '.ci/leftover-processes')], {
    encoding: 'utf8',
    env: { ...process.env, LEFTOVER_PATTERNS: marker, LEFTOVER_GRACE_SECONDS: '1' },
  });
  return { status: res.status, stderr: res.stderr };
}

it('the CI check fails while a started server is still running, and passes once it is stopped', async () => {
  const marker = `ct-leftover-${randomBytes(4).toString('hex')}`;
  const stray = spawn('bash', ['-c', `exec -a ${marker} sleep 120`], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  try {
    const running = check(marker);
    expect(running.status).toBe(1);
    expect(running.stderr).toContain(marker);
  } finally {
    stray.kill('SIGKILL');
  }
  await new Promise((resolve) => stray.once('exit', resolve));
  expect(check(marker).status).toBe(0);
});
