import { backoffDelayMs } from '../../core/retry/backoff.js';

/** The blog client's retry pacing: short steps (a request is waiting), computed by the one backoff in core/retry. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 250, maxMs: 8_000, random: Math.random };

/** Delay before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, opts: BackoffOptions = defaultBackoff): number {
  // core/retry counts attempts from 1 (the first retry waits the base step).
  return backoffDelayMs(attempt + 1, opts);
}

/** Seconds from a Retry-After header (delta form only; dates are rare from WordPress hosts). */
export function retryAfterMs(header: string | null, capMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.min(capMs, seconds * 1000);
}
