// The test world cleans up after itself: a PostgreSQL server started by a test process that is killed
// (as vitest ends a worker, with no exit handler run) is stopped and its folder removed by its watchdog.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../support/postgres-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const available = postgresAvailable();

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function until(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe.skipIf(!available.ok)('throwaway PostgreSQL servers', () => {
  it('a server whose test process is killed is stopped and its folder removed', async () => {
    // node itself with tsx's loader (the tsx launcher would put a second process between us and the owner).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/postgres-owner-child.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const { port, folder } = JSON.parse(line) as { port: number; folder: string };
    expect(await accepts(port)).toBe(true);
    expect(existsSync(folder)).toBe(true);

    child.kill('SIGKILL');
    child.stdout.destroy();

    // Generous bounds: the watchdog notices within half a second; a loaded CI machine may take longer.
    expect(await until(async () => !(await accepts(port)), 30_000)).toBe(true);
    expect(await until(async () => !existsSync(folder), 30_000)).toBe(true);
  }, 90_000);
});
