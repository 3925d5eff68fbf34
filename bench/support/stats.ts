import { availableParallelism, loadavg } from 'node:os';

// Load when the bench started: figures taken on a busy machine (other test runs) read slower.
const loadAtStart = loadavg()[0]!;

// Small helpers every bench shares: percentiles (nearest-rank, so p95 of 20 samples is a real sample,
// not an interpolation), a one-line distribution, and the summary block each bench ends with.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function fmt(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** "min 12 / median 15 / max 19 ms (n=5)" */
export function minMedMax(samples: readonly number[], unit: string, digits = 0): string {
  return `min ${fmt(Math.min(...samples), digits)} / median ${fmt(median(samples), digits)} / max ${fmt(Math.max(...samples), digits)} ${unit} (n=${samples.length})`;
}

/** "p50 12 / p95 19 / max 22 ms (n=50)" */
export function p50p95(samples: readonly number[], unit: string, digits = 0): string {
  return `p50 ${fmt(percentile(samples, 50), digits)} / p95 ${fmt(percentile(samples, 95), digits)} / max ${fmt(Math.max(...samples), digits)} ${unit} (n=${samples.length})`;
}

export const say = (text = ''): void => void process.stdout.write(`${text}\n`);

/** The block run-all.ts and README readers look for: a title line and "key: value" rows. */
export function printSummary(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  say();
  say(`=== SUMMARY ${title} ===`);
  for (const [key, value] of rows) say(`${key.padEnd(width)}  ${value}`);
  say(
    `(${new Date().toISOString()}, node ${process.version}, ${machineCores()} cores, load average ${fmt(loadAtStart, 1)} at start / ${fmt(loadavg()[0]!, 1)} at end)`,
  );
}

function machineCores(): number {
  return availableParallelism();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls a condition every `everyMs` until it holds; throws after `timeoutMs` naming what it waited for. */
export async function until<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 2,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
