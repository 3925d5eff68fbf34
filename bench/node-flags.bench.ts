// What `npm start`'s Node flags cost and save (issue 14): the same query mix (support/query-mix.ts) in a
// child process per flag set, alternating, BENCH_RUNS (3) rounds; median CPU per query and peak RSS.
// `--liftoff-only` keeps Prisma's query compiler (WebAssembly) on V8's baseline tier, `--optimize-for-size`
// makes V8 grow its heap less eagerly, `--max-semi-space-size=1` keeps the young generation at 1 MB.
// The idle figures are in cold-start.bench.ts, the sweep's in reminder-sweep.bench.ts.
// Run: npx tsx bench/node-flags.bench.ts
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startScriptFlags } from './support/start-main.js';
import { fmt, median, printSummary, say } from './support/stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const flagSets: [string, string[]][] = [
  ['npm start', startScriptFlags(root)],
  ['--max-semi-space-size=1 only', ['--max-semi-space-size=1']],
  ['no flags', []],
];

interface MixResult {
  figures: Record<string, { cpuUs: number; wallUs: number }>;
  peakRssMb: number;
}

const results = new Map<string, MixResult[]>(flagSets.map(([label]) => [label, []]));
for (let run = 1; run <= runs; run++) {
  for (const [label, flags] of flagSets) {
    const child = spawnSync(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(new URL('support/query-mix.ts', import.meta.url))], {
      cwd: root,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`query mix with ${label} failed:\n${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as MixResult;
    results.get(label)!.push(result);
    say(
      `run ${run} ${label}: peak RSS ${fmt(result.peakRssMb, 1)} MB; ${Object.entries(result.figures)
        .map(([k, v]) => `${k} ${fmt(v.cpuUs)} us`)
        .join(', ')} (CPU per query)`,
    );
  }
}
const kinds = Object.keys(results.get('npm start')![0]!.figures);
printSummary(`Node flags: CPU per query and peak RSS, median of ${runs} (npm start = ${startScriptFlags(root).join(' ')})`, [
  ...kinds.map((kind): [string, string] => [
    `${kind}, CPU us per query`,
    flagSets.map(([label]) => `${label} ${fmt(median(results.get(label)!.map((r) => r.figures[kind]!.cpuUs)))}`).join('  |  '),
  ]),
  [
    'peak RSS (Node + tsx + Prisma + the mix)',
    flagSets.map(([label]) => `${label} ${fmt(median(results.get(label)!.map((r) => r.peakRssMb)), 1)} MB`).join('  |  '),
  ],
]);
