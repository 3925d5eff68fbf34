// Starts sweep-worker.ts processes and drives them step by step from a test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SweepSummary } from '../../../src/reminders/run-reminder-sweep.js';
import type { RecordedChannelMessage, RecordedDm } from '../../support/recording-chat.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export interface StepReply {
  step: number;
  summary?: SweepSummary;
  error?: string;
  dms: (RecordedDm & { at: string })[];
  channel: (RecordedChannelMessage & { at: string })[];
}

export interface SweepWorker {
  sweep(step: number, now: Date): Promise<StepReply>;
  stop(): Promise<void>;
}

export async function startSweepWorker(url: string, courseId: string, closedDms: string[]): Promise<SweepWorker> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, [path.join(here, 'sweep-worker.ts'), url, courseId, closedDms.join(',')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ready = await next();
  if (ready !== 'ready') throw new Error(`sweep worker said ${ready}`);
  return {
    async sweep(step, now) {
      const reply = next();
      child.stdin!.write(`${JSON.stringify({ step, now: now.toISOString() })}\n`);
      return JSON.parse(await reply) as StepReply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
