import { allOn, type ModelFlags } from './flags.js';
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

const sync = (process = 0): Step => ({ kind: 'sync', process, faults: [], alongside: false });

export const regressions: Regression[] = [
  {
    name: 'a blog comment held for moderation and approved again comes back into the thread',
    hole: 'issue 16 hole 3 (first half): the reconcile skips a row once deleted',
    flags: allOn(),
    history: {
      skewMs: [0, 0],
      steps: [{ kind: 'publish', future: false, title: 0 }, sync(), { kind: 'blogComment', pick: 0, reader: 0, text: 0 }, sync(), { kind: 'moderate', pick: 0, status: 'hold' }, sync(), { kind: 'moderate', pick: 0, status: 'approved' }, sync()],
    },
  },
  {
    name: 'a reply edited A -> B -> A -> B shows B on the blog',
    hole: 'issue 16 hole 12: edits are keyed by a hash of the content',
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
];
