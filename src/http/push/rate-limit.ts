/**
 * A token bucket per course, in memory: a burst of `capacity` notifications, then `perSecond`. A plugin
 * sends one per change, so a class publishing at once fits; a runaway or hostile sender gets 429 and the
 * plugin retries later. Per process, which is enough: the delivery ids and the sync coalescing bound the work.
 */
export function tokenBuckets(options: { capacity: number; perSecond: number; now: () => number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** 0 when the request may go ahead, else the seconds to wait (for Retry-After). */
    take(key: string): number {
      const now = options.now();
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: now };
      bucket.tokens = Math.min(options.capacity, bucket.tokens + ((now - bucket.at) / 1000) * options.perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
  };
}
