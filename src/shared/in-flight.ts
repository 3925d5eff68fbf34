/**
 * Work started outside any job (gateway events, the start-up read-back), so nothing else awaits it. A shutdown
 * waits for it before closing the database: a query still running when PostgreSQL's pool closes leaves the
 * close waiting for a connection that never comes back.
 */
export interface InFlight {
  /** Runs `work` now and remembers it until it settles; its errors are for `work` itself to handle. */
  track(work: Promise<unknown>): void;
  /** Resolves once everything tracked so far, and anything it started meanwhile, has settled. */
  settled(): Promise<void>;
}

export function inFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      running.add(work);
      const forget = () => running.delete(work);
      work.then(forget, forget);
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
