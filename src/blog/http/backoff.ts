/** Exponential backoff with "equal jitter": half the step is fixed, half is random. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 250, maxMs: 8_000, random: Math.random };

/** Delay before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, opts: BackoffOptions = defaultBackoff): number {
  const step = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt);
  return Math.round(step / 2 + opts.random() * (step / 2));
}

/** Seconds from a Retry-After header (delta form only; dates are rare from WordPress hosts). */
export function retryAfterMs(header: string | null, capMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.min(capMs, seconds * 1000);
}
