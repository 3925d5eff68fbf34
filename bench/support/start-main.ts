// Starts the real entry point (src/main.ts under tsx, or the bundled build dist/bot/main.js on plain Node) as an
// operator would, against the Discord emulator, and measures it from outside: ms from spawn to the
// "CourseThreads is connected" log line (pino's own timestamp), and how much of it came after "connecting to
// Discord" (the gateway handshake), then RSS read from /proc after an idle period.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sleep } from './stats.js';

export type StartMode = 'compiled' | 'tsx';

export interface StartFigures {
  readyMs: number;
  /** Of readyMs, the part after the "connecting to Discord" line: the gateway handshake (login to READY). */
  handshakeMs: number;
  idleRssMb: number;
}

/** The Node flags `npm start` passes (read from package.json, so the bench measures what operators run). */
export function startScriptFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** How each mode is started: `npm start` runs the compiled build; `node --import tsx` is what `npm run dev` does in-process. */
export function mainCommand(root: string, mode: StartMode): string[] {
  return mode === 'compiled' ? [...startScriptFlags(root), path.join(root, 'dist', 'bot', 'main.js')] : ['--import', 'tsx', path.join(root, 'src', 'main.ts')];
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? Number.NaN) / 1024;
}

export async function startMain(root: string, mode: StartMode, env: Record<string, string>, idleMs: number): Promise<StartFigures> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, mainCommand(root, mode), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let loginAt = Number.NaN;
    const connectedAt = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${mode} start: not connected after 60 s:\n${stderr}`)), 60_000);
      void exited.then(() => reject(new Error(`${mode} start: exited before it connected:\n${stderr}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.includes('"connecting to Discord"')) loginAt = (JSON.parse(line) as { time: number }).time;
        if (!line.includes('"CourseThreads is connected"')) return;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { time: number }).time);
      });
    });
    await sleep(idleMs);
    return { readyMs: connectedAt - spawnedAt, handshakeMs: connectedAt - loginAt, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  }
}
