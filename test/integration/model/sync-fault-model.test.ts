/**
 * The sync fault model (issue 16). fast-check generates histories of what people do — essays published
 * (some dated ahead of the bot's clock), edited, unpublished and re-published; Discord replies written,
 * edited in any order and deleted; blog comments written, edited, held, approved, spammed, trashed and
 * deleted; texts shared by different people — interleaved with sync ticks of two bot processes and faults
 * at the ports: a crash after the remote call and before the record, 429, 5xx, a timeout whose call
 * landed, a call slower than its claim (its live process renews the claim; its course lease lapses),
 * `/sync now` alongside the tick, a lease lost mid-call, clocks that disagree by up to 3 minutes. The real
 * sync code runs (the course sync job's tick, `/sync now`, the Discord reply handlers, the outbox and its
 * effect handlers) on a real SQLite database whose clock is the model's real time (model-db-clock.ts), with
 * an in-memory blog (fake-blog.ts) and Discord (process-chat.ts over MemoryChat) that inject the faults
 * (faults.ts). After recovery (faults off, leases and claims lapsed, both processes restarted), one full
 * sweep and the retries each waiting effect asked for, invariants.ts checks what each side shows against the
 * truth computed from what people did (truth.ts): every live essay has one open thread with its latest
 * title and an unpublished one's thread is locked; every shown blog comment is in its thread once with its
 * latest text, a hidden one is not, and nothing else of the bot's is; every shown reply is on the blog once
 * by its author with its latest text; no tick failed; no effect of a live essay waits or is a dead letter.
 * The always-on property below runs every event and fault but one: earlyReplies (a student replying in a
 * thread the bot created but has not recorded yet), an open hole kept in regressions-faults.ts. A failure
 * prints its seed and shrunk history; keep it in regressions.ts (regressions-faults.ts when its steps arm a
 * fault, regressions-all-flags.ts when found with every flag on). Flags (flags.ts)
 * switch each kind of event and fault; `npm run soak:sync` runs the model for longer (the search), while
 * this file stays quick: a fixed seed and a fixed number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOn, baseline, withFlags } from './flags.js';
import { failureOf, modelProperty } from './property.js';
import { allFlagRegressions } from './regressions-all-flags.js';
import { faultRegressions } from './regressions-faults.js';
import { regressions } from './regressions.js';

// Fixed, so `npm test` is repeatable; the soak script varies the seed.
const seed = 20_261_130;

describe('sync fault model', () => {
  it('essays, replies and blog comments in any order end with each side showing each item once', async () => {
    await fc.assert(modelProperty(baseline(), 10), { seed, numRuns: 4 });
  }, 120_000);

  it('every event and fault but replies in a not-yet-recorded thread leaves each side showing each item once after recovery', async () => {
    // earlyReplies stays off until its hole is fixed (see regressions-faults.ts: no catch-up when a thread is adopted).
    const flags = withFlags(allOn(), { events: { earlyReplies: false } });
    await fc.assert(modelProperty(flags, 16), { seed, numRuns: 16 });
  }, 120_000);
});

describe('histories the model found (regressions)', () => {
  for (const r of [...regressions, ...faultRegressions, ...allFlagRegressions]) {
    // A known hole, fixed elsewhere: expected to fail until that fix merges (then drop `hole`).
    const test = r.hole ? it.fails : it;
    test(
      r.hole ? `${r.name} [${r.hole}]` : r.name,
      async () => {
        expect(await failureOf(r.flags, r.history)).toBeNull();
      },
      60_000,
    );
  }
});
