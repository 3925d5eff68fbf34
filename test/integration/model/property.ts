import fc from 'fast-check';
import type { ModelFlags } from './flags.js';
import { historyArb, type History } from './history.js';
import { runCase } from './run-case.js';

export interface ModelRun {
  numRuns: number;
  seed: number;
  maxSteps?: number;
}

/** A failing case's message: the broken invariants and the faults that fired (fast-check adds seed, path and the shrunk history). */
export async function failureOf(flags: ModelFlags, history: History): Promise<string | null> {
  const { violations, fired } = await runCase(flags, history);
  if (violations.length === 0) return null;
  const lines = violations.map((v) => `  [${v.invariant}] ${v.detail}`);
  return `${violations.length} invariant violation(s)${fired.length ? ` (faults fired: ${fired.join(', ')})` : ''}:\n${lines.join('\n')}`;
}

/** The property: any history the flags allow ends, after recovery and one sweep, with every invariant holding. */
export function modelProperty(flags: ModelFlags, maxSteps?: number) {
  return fc.asyncProperty(historyArb(flags, maxSteps), async (history) => {
    const failure = await failureOf(flags, history);
    if (failure) throw new Error(failure);
  });
}

/** Runs the model; resolves with fast-check's report (seed, counterexample shrunk, message), or null when every case held. */
export async function checkModel(flags: ModelFlags, run: ModelRun): Promise<string | null> {
  const details = await fc.check(modelProperty(flags, run.maxSteps), { numRuns: run.numRuns, seed: run.seed, endOnFailure: false });
  if (!details.failed) return null;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${fc.defaultReportMessage(details) ?? 'failed'}\n${error}`;
}
