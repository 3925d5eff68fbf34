import type { z } from 'zod';
import type { SyncDeps } from '../context.js';
import type { Tx } from '../db/client.js';

/** What an effect did; `record` runs in the transaction that marks the effect done. */
export interface EffectOutcome {
  result?: unknown;
  record?: (tx: Tx) => Promise<unknown>;
}

export interface EffectHandler<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /**
   * Performs the effect. `attempt` counts tries started, this one included: above 1 an earlier try may
   * have reached the other side before a crash, so the handler looks for its result before acting again.
   */
  run(ctx: SyncDeps, payload: P, attempt: number): Promise<EffectOutcome>;
}

/** Builds a handler with its payload type inferred from the zod schema. */
export function defineEffect<S extends z.ZodType>(handler: {
  kind: string;
  payload: S;
  run(ctx: SyncDeps, payload: z.infer<S>, attempt: number): Promise<EffectOutcome>;
}): EffectHandler<z.infer<S>> {
  return handler as unknown as EffectHandler<z.infer<S>>;
}
