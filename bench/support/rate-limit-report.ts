// Reads the emulator's request log for 429s: how many, on which routes, and whether any route was
// refused twice in a row (a client that ignores Retry-After / X-RateLimit-* does that).
import type { RequestLogEntry } from '../../src/offline/discord-emulator/state.js';

export interface RateLimitReport {
  total429: number;
  byRoute: Map<string, number>;
  /** Per concrete path (the bucket's major parameter is in it): the longest run of consecutive 429s. */
  longestRun: number;
  repeatedOn: string[];
}

export function rateLimitReport(requests: readonly RequestLogEntry[]): RateLimitReport {
  const byRoute = new Map<string, number>();
  const runs = new Map<string, number>();
  const repeated = new Set<string>();
  let longestRun = 0;
  let total429 = 0;
  for (const r of requests) {
    const key = `${r.method} ${r.path}`;
    if (r.status === 429) {
      total429 += 1;
      byRoute.set(`${r.method} ${r.route}`, (byRoute.get(`${r.method} ${r.route}`) ?? 0) + 1);
      const run = (runs.get(key) ?? 0) + 1;
      runs.set(key, run);
      longestRun = Math.max(longestRun, run);
      if (run >= 2) repeated.add(`${r.method} ${r.route}`);
    } else {
      runs.set(key, 0);
    }
  }
  return { total429, byRoute, longestRun, repeatedOn: [...repeated] };
}

export function describeRateLimits(report: RateLimitReport): string {
  if (report.total429 === 0) return '0 responses with 429';
  const routes = [...report.byRoute].map(([route, n]) => `${route} x${n}`).join(', ');
  const repeats = report.repeatedOn.length
    ? `; repeated (2+ in a row) on ${report.repeatedOn.join(', ')}, longest run ${report.longestRun}`
    : '; never two in a row';
  return `${report.total429} responses with 429 (${routes})${repeats}`;
}
