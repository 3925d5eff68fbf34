// npm run bench: runs every bench/*.bench.ts one after another (never in parallel: they would skew
// each other's figures on a small machine), streams their output, and ends with each one's summary
// block and exit status. Exits 1 when any bench failed. Pass names to run a subset:
//   npm run bench -- backfill cold-start
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

interface Outcome {
  file: string;
  code: number | null;
  seconds: number;
  summary: string;
}

function runBench(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n##### ${file}\n`);
    const child = spawn('npx', ['tsx', path.join('bench', file)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      const at = out.indexOf('=== SUMMARY');
      // Benches without a summary block: their last lines are their figures.
      const summary = at >= 0 ? out.slice(at) : out.trim().split('\n').slice(-8).join('\n');
      resolve({ file, code, seconds: (Date.now() - started) / 1000, summary: summary.trim() });
    });
  });
}

const outcomes: Outcome[] = [];
for (const file of files) outcomes.push(await runBench(file));

process.stdout.write('\n################ all benches\n');
for (const o of outcomes) {
  process.stdout.write(`\n${o.file}: ${o.code === 0 ? 'ok' : `FAILED (exit ${o.code})`} in ${o.seconds.toFixed(1)} s\n`);
  if (o.summary) process.stdout.write(`${o.summary}\n`);
}
process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1);
