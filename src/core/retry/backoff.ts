/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many
 * items spread out without ever retrying sooner than half the nominal delay.
 */
export function backoffDelayMs(attempt: number, options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = options.baseMs ?? 5_000;
  const max = options.maxMs ?? 30 * 60_000;
  const nominal = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(nominal / 2 + (nominal / 2) * random());
}
