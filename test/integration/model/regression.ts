// The shape of a kept regression and the steps its history is written in (regressions*.ts). The steps are
// named for what happens, with the defaults the shrunk histories nearly always have (the first essay, the
// first student or reader, process 0), so a regression reads as the story it tells.
import type { Fault } from './faults.js';
import type { ModelFlags } from './flags.js';
import type { History, Step } from './history.js';

/**
 * A history the model found failing (shrunk by fast-check, or written out from a finding), kept so it
 * runs on every `npm test`. `hole` names the known issue-16 hole it shows, while that fix is pending
 * elsewhere: the test expects these to fail (`it.fails`) until the fix merges; then delete `hole`.
 */
export interface Regression {
  name: string;
  hole: string | null;
  flags: ModelFlags;
  history: History;
}

/** A regression whose processes' clocks agree with the blog's and with no known hole, unless `more` says. */
export function regression(name: string, flags: ModelFlags, steps: Step[], more: { hole?: string; skewMs?: [number, number] } = {}): Regression {
  return { name, hole: more.hole ?? null, flags, history: { skewMs: more.skewMs ?? [0, 0], steps } };
}

/** A student publishes an essay with title number `title`, dated now. */
export const publish = (title = 0): Step => ({ kind: 'publish', future: false, title });
/** The same, dated ahead of every clock (a scheduled post, or a blog clock ahead). */
export const publishAhead = (title = 0): Step => ({ kind: 'publish', future: true, title });
export const unpublish = (pick = 0): Step => ({ kind: 'unpublish', pick });
export const republish = (pick = 0): Step => ({ kind: 'republish', pick });

/** A scheduled tick of one process with no fault armed. */
export const sync = (process = 0): Step => ({ kind: 'sync', process, faults: [], alongside: false });
/** A scheduled tick of process 0 with `fault` armed. */
export const syncWithFault = (fault: Fault): Step => ({ kind: 'sync', process: 0, faults: [fault], alongside: false });
/** A scheduled tick of process 0 with `/sync now` in process 1 at the same time. */
export const syncAlongsideSyncNow = (): Step => ({ kind: 'sync', process: 0, faults: [], alongside: true });

/** The first student replies in the first essay's thread, the reply handled by `process`. */
export const reply = (text = 0, process = 0): Step => ({ kind: 'reply', pick: 0, student: 0, text, process });
/** The first reply still shown is edited to phrase `text`, the edit handled by `process`. */
export const editReply = (text: number, process = 0): Step => ({ kind: 'editReply', pick: 0, text, process });

export const blogComment = (pick = 0, reader = 0, text = 0): Step => ({ kind: 'blogComment', pick, reader, text });
export const editBlogComment = (text: number, pick = 0): Step => ({ kind: 'editBlogComment', pick, text });
export const moderate = (status: 'approved' | 'hold', pick = 0): Step => ({ kind: 'moderate', pick, status });
