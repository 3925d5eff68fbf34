import { backoffDelayMs } from '../core/retry/backoff.js';
import type { Tx } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import { BlogError } from '../ports/blog-source.js';
import { ChatError } from '../ports/chat-port.js';
import { flagMissingPermission } from '../sync/course-alerts.js';
import type { SyncDeps } from '../context.js';
import type { EffectHandler } from './effect-handler.js';
import { ClaimLostError, claimAttempt, keepClaim, processClaimOwner } from './outbox-claims.js';
import { markEffectDone, readyEffects, scheduleRetry, type OutboxRow } from './outbox-store.js';

export interface DrainOptions {
  courseIds?: string[];
  /** Permanent failures (the other side refused) become dead letters after this many tries. */
  maxAttempts?: number;
  /** Transient failures (the other side is down) keep retrying this long before becoming dead letters. */
  transientDeadlineMs?: number;
  /** A claim's period: renewed while the call runs, so only a claimer dead this long is taken over. */
  claimMs?: number;
  /** Names this drainer's process in claims (the lease owner); one per process start by default. */
  owner?: string;
  /** Stop after this many effects (bounded work per job tick). */
  budget?: number;
  /** Only effects of these kinds (e.g. a round's notices, sent while staff wait for the confirm reply). */
  kinds?: readonly string[];
  /** Checks, inside the completing transaction, that this process still holds its lease. */
  fence?: (tx: Tx) => Promise<void>;
  /** Aborted on shutdown: the effect in hand finishes, no other is claimed. */
  stop?: AbortSignal;
}

export interface DrainSummary {
  done: number;
  retried: number;
  dead: number;
}

/**
 * Runs ready effects oldest first, one at a time per orderKey. A failure schedules a retry with
 * backoff; after maxAttempts (counted since staff last revived it) the effect becomes a dead letter
 * staff can see and retry.
 */
export async function drainOutbox(ctx: SyncDeps, handlers: ReadonlyMap<string, EffectHandler>, options: DrainOptions = {}): Promise<DrainSummary> {
  const summary: DrainSummary = { done: 0, retried: 0, dead: 0 };
  const maxAttempts = options.maxAttempts ?? 8;
  const transientDeadlineMs = options.transientDeadlineMs ?? 24 * 3_600_000;
  let budget = options.budget ?? 500;
  // Courses whose blog is down (found by a failed call in this pass) and the blog effects left for the next pass:
  // every other effect would fail the same way, so an outage costs one call per pass, not one per waiting reply.
  const blogDown = new Set<string>();
  const leftForNextPass = new Set<string>();
  while (budget > 0 && !options.stop?.aborted) {
    const batch = await readyEffects(ctx.db, {
      now: ctx.clock.now(),
      courseIds: options.courseIds,
      limit: Math.min(budget, 50),
      except: leftForNextPass,
      kinds: options.kinds,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      if (options.stop?.aborted) break;
      if (row.courseId && blogDown.has(row.courseId) && row.kind.startsWith('blog.')) {
        leftForNextPass.add(row.id);
        continue;
      }
      budget -= 1;
      const attempt = await claimAttempt(ctx.db, row, { owner: options.owner ?? processClaimOwner, claimMs: options.claimMs ?? 60_000 });
      if (attempt === null) continue; // another drainer runs it
      const outcome = await runClaimed(ctx, handlers, row, attempt, options);
      if (outcome === 'claimed_elsewhere') continue;
      if (outcome === 'done') {
        summary.done += 1;
        ctx.metrics?.effectFinished(row.kind, 'done');
        continue;
      }
      if (outcome !== 'dead' && outcome.blogDown && row.courseId) blogDown.add(row.courseId);
      const claim = { id: row.id, attempt };
      const error = outcome === 'dead' ? 'payload does not match its schema' : outcome.error;
      // An outage must not turn waiting work into dead letters: only give up on transient errors after a day.
      const tries = attempt - row.attemptsAtRevive;
      const since = (row.revivedAt ?? row.createdAt).getTime();
      const givenUp = outcome !== 'dead' && (outcome.transient ? ctx.clock.now().getTime() - since >= transientDeadlineMs : tries >= maxAttempts);
      if (outcome === 'dead' || givenUp) {
        await scheduleRetry(ctx.db, claim, { error, at: ctx.clock.now(), dead: true });
        summary.dead += 1;
        ctx.metrics?.effectFinished(row.kind, 'dead');
        ctx.log.warn({ effect: row.kind, effectId: row.id, error }, 'effect moved to dead letters');
      } else {
        const delay = outcome.delayMs ?? backoffDelayMs(tries);
        await scheduleRetry(ctx.db, claim, { error, at: new Date(ctx.clock.now().getTime() + delay), dead: false });
        summary.retried += 1;
        ctx.metrics?.effectFinished(row.kind, 'failed');
      }
    }
  }
  return summary;
}

type RunResult = 'done' | 'dead' | 'claimed_elsewhere' | { error: string; transient: boolean; delayMs?: number; blogDown?: boolean };

/** One claimed attempt: the claim is renewed while the handler runs, however long its call takes. */
async function runClaimed(
  ctx: SyncDeps,
  handlers: ReadonlyMap<string, EffectHandler>,
  row: OutboxRow,
  attempt: number,
  options: DrainOptions,
): Promise<RunResult> {
  const handler = handlers.get(row.kind);
  if (!handler) return { error: `no handler for effect kind ${row.kind}`, transient: false };
  const parsed = handler.payload.safeParse(JSON.parse(row.payload));
  if (!parsed.success) return 'dead';
  const keeper = keepClaim(ctx.db, { id: row.id, attempt, claimMs: options.claimMs ?? 60_000 }, ctx.log);
  try {
    const outcome = await handler.run(ctx, parsed.data, attempt);
    await inTransaction(ctx.db, async (tx) => {
      await markEffectDone(tx, { id: row.id, attempt }, outcome.result, ctx.clock.now());
      if (options.fence) await options.fence(tx);
      await outcome.record?.(tx);
    });
    ctx.log.debug({ effect: row.kind, effectId: row.id, courseId: row.courseId, attempt }, 'effect done');
    return 'done';
  } catch (error) {
    if (error instanceof ClaimLostError) {
      ctx.log.warn({ effect: row.kind, effectId: row.id, attempt }, 'effect taken over by another drainer; its result is theirs to record');
      return 'claimed_elsewhere';
    }
    const message = describe(error);
    ctx.log.info({ effect: row.kind, effectId: row.id, attempt, error: message }, 'effect failed; will retry');
    if (error instanceof ChatError && error.kind === 'missing_permission' && row.courseId) await flagMissingPermission(ctx, row.courseId, error);
    if (error instanceof BlogError && error.kind === 'flood') return { error: message, transient: true, delayMs: 20_000 };
    return { error: message, transient: isTransient(error), blogDown: isBlogOutage(error) };
  } finally {
    await keeper.stop();
  }
}

/** The blog itself did not answer (network, timeout, 5xx), as opposed to one effect's own trouble. */
function isBlogOutage(error: unknown): boolean {
  if (!(error instanceof BlogError) || error.kind !== 'unavailable') return false;
  // Errors an effect raises itself ("not created yet") carry neither a status nor a network code.
  if (error.status !== null) return error.status >= 500;
  return error.code !== null && !error.code.startsWith('invalid_');
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
