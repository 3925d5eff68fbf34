// Parent side of bot-process.ts: starts one bot as a real OS process (tsx), waits for its ready line,
// and lets a test stop it politely (SIGTERM) or kill it mid-work (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export interface BotProcessOptions {
  name: string;
  databaseUrl: string;
  apiUrl: string;
  token: string;
  shards: number[];
  shardCount: number;
  leaseSeconds: number;
  /** Course sync (poll + outbox) period; the reminder sweep runs every `sweepSeconds`. */
  tickSeconds?: number;
  sweepSeconds?: number;
  reminders?: boolean;
  logFile?: string;
  logLevel?: string;
}

export interface BotProcess {
  name: string;
  pid: number;
  /** The lease owner this process writes (unique per start). */
  owner: string;
  shards: number[];
  /** Resolves with the exit code or signal name when the process is gone. */
  exited: Promise<string>;
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<string>;
  /** Last lines the process wrote on stderr (for failure messages). */
  stderrTail(): string;
}

export async function spawnBotProcess(options: BotProcessOptions, readyTimeoutMs = 60_000): Promise<BotProcess> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, which SIGKILL would miss.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bot-process.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BOT_NAME: options.name,
      BOT_DATABASE_URL: options.databaseUrl,
      BOT_API_URL: options.apiUrl,
      BOT_TOKEN: options.token,
      BOT_SHARDS: options.shards.join(','),
      BOT_SHARD_COUNT: String(options.shardCount),
      BOT_LEASE_SECONDS: String(options.leaseSeconds),
      BOT_TICK_SECONDS: String(options.tickSeconds ?? 1),
      BOT_SWEEP_SECONDS: String(options.sweepSeconds ?? 2),
      BOT_REMINDERS: options.reminders === false ? '0' : '1',
      BOT_LOG_LEVEL: options.logLevel ?? 'info',
      ...(options.logFile ? { BOT_LOG_FILE: options.logFile } : {}),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ owner: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} not ready after ${readyTimeoutMs} ms:\n${stderr}`)), readyTimeoutMs);
    lines.on('line', (line) => {
      if (!line.startsWith('{"ready"')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { owner: string; pid: number });
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${how}) before it was ready:\n${stderr}`));
    });
  });
  return {
    name: options.name,
    pid: ready.pid,
    owner: ready.owner,
    shards: options.shards,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A polite stop that hangs is finished off, so a test's cleanup never waits on it.
      const force = signal === 'SIGTERM' ? setTimeout(() => child.kill('SIGKILL'), 8_000) : undefined;
      return exited.finally(() => clearTimeout(force));
    },
    stderrTail: () => stderr,
  };
}
