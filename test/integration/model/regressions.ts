// Histories the model found failing whose steps arm no fault (events alone); those with faults armed are in
// regressions-faults.ts, those found with every flag on in regressions-all-flags.ts.
import { allOn, baseline, withFlags, type ModelFlags } from './flags.js';
import type { History, Step } from './history.js';

/**
 * Histories the model found failing (shrunk by fast-check, or written out from a finding), kept so they
 * run on every `npm test`. `hole` names the known issue-16 hole it shows, while that fix is pending
 * elsewhere: the test expects these to fail (`it.fails`) until the fix merges; then delete `hole`.
 */
export interface Regression {
  name: string;
  hole: string | null;
  flags: ModelFlags;
  history: History;
}

/** A scheduled tick of one process with no fault armed. */
export const sync = (process = 0): Step => ({ kind: 'sync', process, faults: [], alongside: false });

export const regressions: Regression[] = [
  {
    name: 'a blog comment held for moderation and approved again comes back into the thread',
    hole: null,
    flags: allOn(),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        sync(),
        { kind: 'blogComment', pick: 0, reader: 0, text: 0 },
        sync(),
        { kind: 'moderate', pick: 0, status: 'hold' },
        sync(),
        { kind: 'moderate', pick: 0, status: 'approved' },
        sync(),
      ],
    },
  },
  {
    name: 'a reply edited A -> B -> A -> B shows B on the blog',
    hole: null,
    flags: allOn(),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        sync(),
        { kind: 'reply', pick: 0, student: 0, text: 0, process: 0 },
        sync(),
        { kind: 'editReply', pick: 0, text: 1, process: 0 },
        sync(),
        { kind: 'editReply', pick: 0, text: 0, process: 0 },
        sync(),
        { kind: 'editReply', pick: 0, text: 1, process: 0 },
        sync(),
      ],
    },
  },
  {
    // Found by the soak (seed 11, path "18:7:2:2:3:6:6:6:7:7:6", flags: baseline + futureDatedEssays), shrunk.
    // NEW (not in issue 16's list): the ordinary poll lists comments only from the oldest recent essay's
    // publish date on, yet the deletion pass treats that listing as complete. A comment dated before its
    // essay (a post dated ahead, a blog clock ahead) is mirrored by the first full sweep, then taken for
    // deleted by the next ordinary poll: its mirror is removed and the row marked deleted, so no sweep
    // brings it back. Close to hole 4 (an incomplete listing treated as complete), by another cause.
    name: 'a blog comment on an essay dated ahead stays in the thread after the next ordinary poll',
    hole: null,
    flags: withFlags(baseline(), { events: { futureDatedEssays: true } }),
    history: {
      skewMs: [0, 0],
      steps: [{ kind: 'publish', future: true, title: 0 }, { kind: 'blogComment', pick: 0, reader: 0, text: 0 }, sync(), sync()],
    },
  },
  {
    name: 'an essay unpublished and published again has its thread open again',
    hole: null,
    flags: withFlags(baseline(), { events: { unpublish: true, republish: true } }),
    history: {
      skewMs: [0, 0],
      steps: [{ kind: 'publish', future: false, title: 0 }, sync(), { kind: 'unpublish', pick: 0 }, sync(), { kind: 'republish', pick: 0 }, sync()],
    },
  },
  {
    name: 'an essay published after one dated ahead still gets its thread',
    hole: null,
    flags: withFlags(baseline(), { events: { futureDatedEssays: true } }),
    history: {
      skewMs: [0, 0],
      steps: [{ kind: 'publish', future: true, title: 0 }, sync(), { kind: 'publish', future: false, title: 1 }, sync()],
    },
  },
];
