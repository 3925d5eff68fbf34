// Shared set-up for the database suites: migrated SQLite files and PostgreSQL databases, made the way
// an operator makes them (`npm run db:migrate`, i.e. scripts/db-migrate.ts).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs a repository script with tsx, as npm would, and returns its exit status and output. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const res = spawnSync(tsx, [path.join(root, script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

/** `npm run db:migrate` against `url`; rejects with the script's output when it fails. */
export async function dbMigrate(url: string): Promise<void> {
  const res = await runScriptAsync('scripts/db-migrate.ts', [], { DATABASE_URL: url });
  if (res.status !== 0) throw new Error(`db:migrate failed for ${url}:\n${res.output}`);
}

/** A fresh temporary folder and a SQLite URL inside it; cleanup() removes both. */
export function tempSqlite(): { url: string; dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-sqlite-'));
  return { url: `file:${path.join(dir, 'test.db')}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RaceResult {
  owner: string;
  tokens: Record<string, number | null>;
}

/** Starts one lease-race-worker process per owner on `url`; each round sends the same request to all. */
export async function startRaceWorkers(url: string, owners: string[]) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const script = path.join(root, 'test', 'integration', 'db', 'lease-race-worker.ts');
  const workers = owners.map((owner) => {
    const child = spawn(tsx, [script, url, owner], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const waiting: ((line: string) => void)[] = [];
    lines.on('line', (line) => waiting.shift()?.(line));
    const next = () => new Promise<string>((resolve) => waiting.push(resolve));
    return { child, next };
  });
  await Promise.all(workers.map(async (w) => expect(await w.next()).toBe('ready')));
  let round = 0;
  return {
    async race(names: string[], now: Date, ttlMs: number): Promise<RaceResult[]> {
      const request = `${JSON.stringify({ round: ++round, names, now: now.toISOString(), ttlMs })}\n`;
      const replies = workers.map((w) => w.next());
      for (const w of workers) w.child.stdin.write(request);
      return (await Promise.all(replies)).map((line) => JSON.parse(line) as RaceResult);
    },
    stop(): Promise<void> {
      return Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.child.once('exit', () => resolve());
              w.child.stdin.end();
            }),
        ),
      ).then(() => undefined);
    },
  };
}

/** runScript without blocking the test process, so several scripts can run at once. */
export function runScriptAsync(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  return new Promise<{ status: number; output: string }>((resolve) => {
    execFile(tsx, [path.join(root, script), ...args], { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (err as { code?: unknown }).code : 0;
      resolve({ status: typeof code === 'number' ? code : -1, output: `${stdout}${stderr}` });
    });
  });
}
