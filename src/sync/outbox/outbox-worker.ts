import { backoffDelayMs } from '../../core/retry/backoff.js';
import { BlogError } from '../../blog/blog-source.js';
import { ChatError } from '../chat-port.js';
import { flagMissingPermission } from '../course-alerts.js';
import type { SyncContext } from '../sync-context.js';
import type { EffectHandler } from './effect-handler.js';
import { claimAttempt, markEffectDone, readyEffects, scheduleRetry, type OutboxRow } from './outbox-store.js';

export interface DrainOptions {
  courseIds?: string[];
  /** Permanent failures (the other side refused) become dead letters after this many tries. */
  maxAttempts?: number;
  /** Transient failures (the other side is down) keep retrying this long before becoming dead letters. */
  transientDeadlineMs?: number;
  /** How long a claimed attempt keeps other drainers off (a claimer that died is retried after it). */
  claimMs?: number;
  /** Stop after this many effects (bounded work per job tick). */
  budget?: number;
  /** Checks, inside the completing transaction, that this process still holds its lease. */
  fence?: Parameters<SyncContext['db']['$transaction']>[0] extends (tx: infer T) => unknown ? (tx: T) => Promise<void> : never;
}

export interface DrainSummary {
  done: number;
  retried: number;
  dead: number;
}

/**
 * Runs ready effects oldest first, one at a time per orderKey. A failure schedules a retry with
 * backoff; after maxAttempts the effect becomes a dead letter staff can see and retry.
 */
export async function drainOutbox(ctx: SyncContext, handlers: ReadonlyMap<string, EffectHandler>, options: DrainOptions = {}): Promise<DrainSummary> {
  const summary: DrainSummary = { done: 0, retried: 0, dead: 0 };
  const maxAttempts = options.maxAttempts ?? 8;
  const transientDeadlineMs = options.transientDeadlineMs ?? 24 * 3_600_000;
  let budget = options.budget ?? 500;
  while (budget > 0) {
    const batch = await readyEffects(ctx.db, { now: ctx.clock.now(), courseIds: options.courseIds, limit: Math.min(budget, 50) });
    if (batch.length === 0) break;
    for (const row of batch) {
      budget -= 1;
      const outcome = await runOne(ctx, handlers, row, options);
      if (outcome === 'claimed_elsewhere') continue;
      if (outcome === 'done') {
        summary.done += 1;
        continue;
      }
      const error = outcome === 'dead' ? 'payload does not match its schema' : outcome.error;
      // An outage must not turn waiting work into dead letters: only give up on transient errors after a day.
      const givenUp = outcome !== 'dead' && (outcome.transient ? ctx.clock.now().getTime() - row.createdAt.getTime() >= transientDeadlineMs : row.attempts + 1 >= maxAttempts);
      if (outcome === 'dead' || givenUp) {
        await scheduleRetry(ctx.db, row.id, { error, at: ctx.clock.now(), dead: true });
        summary.dead += 1;
        ctx.log.warn({ effect: row.kind, effectId: row.id, error }, 'effect moved to dead letters');
      } else {
        const delay = outcome.delayMs ?? backoffDelayMs(row.attempts + 1);
        await scheduleRetry(ctx.db, row.id, { error, at: new Date(ctx.clock.now().getTime() + delay), dead: false });
        summary.retried += 1;
      }
    }
  }
  return summary;
}

type RunResult = 'done' | 'dead' | 'claimed_elsewhere' | { error: string; transient: boolean; delayMs?: number };

async function runOne(ctx: SyncContext, handlers: ReadonlyMap<string, EffectHandler>, row: OutboxRow, options: DrainOptions): Promise<RunResult> {
  const handler = handlers.get(row.kind);
  if (!handler) return { error: `no handler for effect kind ${row.kind}`, transient: false };
  const parsed = handler.payload.safeParse(JSON.parse(row.payload));
  if (!parsed.success) return 'dead';
  const attempt = await claimAttempt(ctx.db, row, ctx.clock.now(), options.claimMs ?? 60_000);
  if (attempt === null) return 'claimed_elsewhere';
  try {
    const outcome = await handler.run(ctx, parsed.data, attempt);
    await ctx.db.$transaction(async (tx) => {
      if (options.fence) await options.fence(tx);
      await outcome.record?.(tx);
      await markEffectDone(tx, row.id, outcome.result, ctx.clock.now());
    });
    ctx.log.debug({ effect: row.kind, effectId: row.id, courseId: row.courseId, attempt }, 'effect done');
    return 'done';
  } catch (error) {
    const message = describe(error);
    ctx.log.info({ effect: row.kind, effectId: row.id, attempt, error: message }, 'effect failed; will retry');
    if (error instanceof ChatError && error.kind === 'missing_permission' && row.courseId) await flagMissingPermission(ctx, row.courseId, error);
    if (error instanceof BlogError && error.kind === 'flood') return { error: message, transient: true, delayMs: 20_000 };
    return { error: message, transient: isTransient(error) };
  }
}

/** Unknown errors (a crash, a bug fixed by a redeploy) count as transient: retrying them is harmless. */
function isTransient(error: unknown): boolean {
  if (error instanceof BlogError || error instanceof ChatError) return error.transient;
  return true;
}

function describe(error: unknown): string {
  if (error instanceof BlogError || error instanceof ChatError) return `${error.name}(${error.kind}): ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
