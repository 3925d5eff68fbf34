// Faults a test can inject: the next N requests (optionally only those matching) fail in a
// chosen way. Being "down" (connection refused) is handled by the server itself.

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** Never answers; the client must time out. */
  | { kind: 'hang' }
  /** 200 with a PHP notice printed before the JSON, as a misconfigured WordPress does. */
  | { kind: 'bad_json' }
  /** Destroys the socket without an answer. */
  | { kind: 'reset' }
  /** A slow blog: the request is handled and answered only once `until` resolves (the call is in flight meanwhile). */
  | { kind: 'hold'; until: Promise<void> };

export type RequestMatch = (method: string, path: string) => boolean;

interface Rule {
  fault: Fault;
  remaining: number;
  match: RequestMatch | null;
}

export class FaultInjector {
  private rules: Rule[] = [];

  add(fault: Fault, times = 1, match: RequestMatch | null = null): void {
    this.rules.push({ fault, remaining: times, match });
  }
  failNext(times = 1, status = 500, match: RequestMatch | null = null): void {
    this.add({ kind: 'status', status }, times, match);
  }
  hangNext(times = 1, match: RequestMatch | null = null): void {
    this.add({ kind: 'hang' }, times, match);
  }
  badJsonNext(times = 1, match: RequestMatch | null = null): void {
    this.add({ kind: 'bad_json' }, times, match);
  }
  resetNext(times = 1, match: RequestMatch | null = null): void {
    this.add({ kind: 'reset' }, times, match);
  }
  /** Holds the next matching request until `release()` is called. */
  holdNext(match: RequestMatch | null = null): { release(): void } {
    let release = () => {};
    this.add({ kind: 'hold', until: new Promise<void>((resolve) => (release = resolve)) }, 1, match);
    return { release: () => release() };
  }
  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any, consuming one use of its rule. */
  take(method: string, path: string): Fault | null {
    const rule = this.rules.find((r) => r.remaining > 0 && (!r.match || r.match(method, path)));
    if (!rule) return null;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.fault;
  }
}

export const PHP_NOTICE =
  '<br />\n<b>Deprecated</b>:  Return type of Requests_Cookie_Jar::offsetExists($key) should either be compatible ' +
  'with ArrayAccess::offsetExists(mixed $offset): bool in <b>/var/www/wp-includes/Requests/Cookie/Jar.php</b> on line <b>63</b><br />\n';
