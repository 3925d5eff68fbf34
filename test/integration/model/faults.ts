import { BlogError } from '../../../src/ports/blog-source.js';
import { ChatError } from '../../../src/ports/chat-port.js';

export type Side = 'chat' | 'blog';
export type FaultMode = 'crashAfterCall' | 'rateLimit' | 'serverError' | 'timeout' | 'hangPastClaim' | 'lostLease';

/** One fault armed for a sync step: it lets `after` calls to `side` through, then fires on the next. */
export interface Fault {
  side: Side;
  mode: FaultMode;
  after: number;
}

/** Calls that change something on the other side: the ones a crash, a timeout or a lapsed claim can leave half-recorded. */
const writes = new Set([
  'createEssayThread',
  'editEssayThread',
  'closeEssayThread',
  'reopenEssayThread',
  'postAsWebhook',
  'editWebhookMessage',
  'deleteWebhookMessage',
  'setReaction',
  'createComment',
  'updateComment',
  'trashComment',
]);
/** Only 429 and 5xx also hit reads (listings, verify): the other faults are about a write and its record. */
const anyCall = new Set<FaultMode>(['rateLimit', 'serverError']);

/** Where every remote call of one process passes: the seam the faults are injected at. */
export interface Remote {
  call<T>(side: Side, op: string, perform: () => T | Promise<T>): Promise<T>;
}

/** What the step runner does while a call is held open (another process works meanwhile). */
export interface FaultHooks {
  /** The claim (and the lease) lapse and the other process runs its tick. */
  whileHeld(): Promise<void>;
}

function failure(side: Side, mode: 'rateLimit' | 'serverError' | 'timeout', op: string): Error {
  const text =
    mode === 'rateLimit' ? `429 Too Many Requests on ${op} (retry after 2 s)` : mode === 'serverError' ? `503 Service Unavailable on ${op}` : `${op} timed out`;
  const status = mode === 'rateLimit' ? 429 : mode === 'serverError' ? 503 : null;
  return side === 'chat' ? new ChatError('unavailable', text, status) : new BlogError('unavailable', text, status);
}

/**
 * The faults of one process. A crash performs the call and then never answers: the process is gone
 * (its pending work is abandoned, nothing after the call is recorded) and `crashed` resolves so the
 * step runner can start a new process on the same database.
 */
export class FaultInjector implements Remote {
  private armed: Fault[] = [];
  private crash!: () => void;
  readonly crashed: Promise<void> = new Promise((resolve) => (this.crash = resolve));
  isCrashed = false;
  constructor(
    private readonly hooks: FaultHooks,
    /** What fired, for the failure report (shared by the processes of one case, restarts included). */
    private readonly fired: string[],
  ) {}

  arm(faults: Fault[]): void {
    this.armed = faults.map((f) => ({ ...f }));
  }

  disarm(): void {
    this.armed = [];
  }

  async call<T>(side: Side, op: string, perform: () => T | Promise<T>): Promise<T> {
    if (this.isCrashed) return new Promise<T>(() => undefined);
    const index = this.armed.findIndex((f) => f.side === side && (anyCall.has(f.mode) || writes.has(op)));
    const fault = this.armed[index];
    if (!fault) return perform();
    if (fault.after > 0) {
      fault.after -= 1;
      return perform();
    }
    this.armed.splice(index, 1);
    this.fired.push(`${fault.mode} on ${side}.${op}`);
    switch (fault.mode) {
      case 'rateLimit':
      case 'serverError':
        throw failure(side, fault.mode, op);
      case 'timeout':
        // The other side did it; the answer was lost on the way back.
        await perform();
        throw failure(side, 'timeout', op);
      case 'crashAfterCall':
        await perform();
        this.isCrashed = true;
        this.crash();
        return new Promise<T>(() => undefined);
      case 'hangPastClaim': {
        // The request is still queued (a rate-limit queue, client retries) when the claim lapses.
        await this.hooks.whileHeld();
        return perform();
      }
      case 'lostLease': {
        // The call lands, then the lease passes to another process before this one records it.
        const result = await perform();
        await this.hooks.whileHeld();
        return result;
      }
    }
  }
}
