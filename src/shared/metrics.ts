/**
 * What the bot counts, as seen by the code that does the work. Passed in through the context (optional there,
 * so tests that do not care pass nothing); the Prometheus implementation lives in src/http/metrics-registry.ts.
 * Every argument becomes a label value after it is checked against a closed list (src/http/metrics-labels.ts):
 * never pass a name, an e-mail, a URL or a secret here.
 */
export type EffectOutcome = 'done' | 'failed' | 'dead';

/** How one blog HTTP attempt ended, as the blog HTTP client sees it. */
export type BlogRequestOutcome = 'ok' | 'client_error' | 'server_error' | 'rate_limited' | 'network' | 'timeout' | 'invalid_response';

export interface Metrics {
  /** One outbox attempt finished: done, failed (retry scheduled) or moved to dead letters. */
  effectFinished(kind: string, outcome: EffectOutcome): void;
  /** One poll of a course's blog (essays and comments) and how long it took. */
  pollFinished(courseId: string, seconds: number, ok: boolean): void;
  /** One HTTP attempt to a course's blog. */
  blogRequest(courseId: string, outcome: BlogRequestOutcome): void;
  /** A reminder delivered, by stage (before_24h, at_due, overdue_digest...) and channel (dm, channel, staff_channel). */
  reminderSent(stage: string, channel: string): void;
  /** This process took a course lease another process (or an earlier start of this one) held before. */
  leaseTakenOver(): void;
}

/** Counts nothing: the default where nobody scrapes. */
export const noMetrics: Metrics = {
  effectFinished() {},
  pollFinished() {},
  blogRequest() {},
  reminderSent() {},
  leaseTakenOver() {},
};
