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

// Not pinned, because it races on real timing: `SOAK_FLAGS=all npm run soak:sync -- 15 9` (path "0:0:2:2:2:4:4:4")
// shrinks to two essays, the tick alongside `/sync now` in a process 30 s ahead: the second poll records an
// edit for an essay whose thread is not created yet, the skewed clocks sort it before the create, and the
// edit holds the create back ("thread not created yet") for up to a day. Same root as the clock-order hole,
// whose fix (enqueueEffect never stamps an effect before its orderKey's latest pending one) covers this order too;
// that path was found on the older model and was not replayed after the fix.
const sync = (process = 0): Step => ({ kind: 'sync', process, faults: [], alongside: false });

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
    // Found by the soak (seed 11, path "10:3:5:6:6:3:3:3:3", flags: baseline + hangPastClaim), shrunk by fast-check.
    // Passes since claims are held by their (live) owner and renewed while the call runs, and the model's
    // findEssayThread matches the exact `<url>` line the port promises (it had wrapped the marker twice).
    name: 'a thread creation slower than its claim does not open a second thread for the essay',
    hole: null,
    flags: withFlags(baseline(), { faults: { hangPastClaim: true } }),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        { kind: 'sync', process: 0, faults: [{ side: 'chat', mode: 'hangPastClaim', after: 0 }], alongside: false },
        sync(),
      ],
    },
  },
  {
    // The same history with the reply the original finding had (seed 11, path "10:3:5:6:6:3:3:3:3"). NEW (not in
    // issue 16's list): the slow call creates the thread, but its record is fenced out (the course lease passed
    // on meanwhile), so until a retry adopts the thread by its marker the bot does not know it. A student who
    // replies in that window is ignored (onThreadReply finds no essay for the thread), and adopting the thread
    // later does not read the messages already in it: the reply never reaches the blog.
    name: 'a reply written in a thread whose creation was slower than its claim reaches the blog',
    hole: 'NEW: replies in a thread created but not yet recorded are dropped (no catch-up on adoption)',
    flags: withFlags(baseline(), { events: { earlyReplies: true }, faults: { hangPastClaim: true } }),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        { kind: 'sync', process: 0, faults: [{ side: 'chat', mode: 'hangPastClaim', after: 0 }], alongside: false },
        { kind: 'reply', pick: 0, student: 0, text: 0, process: 0 },
      ],
    },
  },
  {
    // A reader wrote "Agreed." on the blog; a student's identical reply timed out after WordPress stored it. The
    // retry adopts the reader's comment by text alone: the reader's comment never reaches the thread, and the
    // student's own comment comes back into the thread as if a reader had written it.
    name: "a reader's identical blog comment is not taken for a student's interrupted reply",
    hole: null,
    flags: withFlags(baseline(), { events: { identicalTexts: true }, faults: { timeout: true } }),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        sync(),
        { kind: 'blogComment', pick: 0, reader: 0, text: 0 },
        { kind: 'reply', pick: 0, student: 0, text: 0, process: 0 },
        { kind: 'sync', process: 0, faults: [{ side: 'blog', mode: 'timeout', after: 0 }], alongside: false },
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
    // Found by the soak (seed 23, path "3:0:2:1:5:5:5:6:6:7:6:7:7", flags: baseline + clockSkew + replyEdits,
    // there with the reply's process ahead), written out here with the editing process behind.
    // Fixed: enqueueEffect never stamps an effect before its orderKey's latest pending one.
    // NEW (not in issue 16's list, same root as hole 11): the outbox orders a thread's
    // effects by `createdAt`, stamped with the recording process's own clock. An edit recorded by a process
    // whose clock is 3 minutes behind sorts before the reply's create: it runs first, fails "not created yet",
    // and holds the create behind it with backoff until the transient deadline (a day). Fixing hole 11 for
    // leases and claims alone does not fix this; the order needs the database's clock or a sequence.
    name: 'a reply edited at once, the edit recorded by a process whose clock is behind, reaches the blog with its edit',
    hole: null,
    flags: withFlags(baseline(), { events: { replyEdits: true }, faults: { clockSkew: true } }),
    history: {
      skewMs: [0, -180_000],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        sync(),
        { kind: 'reply', pick: 0, student: 0, text: 0, process: 0 },
        { kind: 'editReply', pick: 0, text: 2, process: 1 },
        sync(),
      ],
    },
  },
  {
    // The same root: two edits recorded by two processes run in the order of their clocks, not of the edits,
    // so the blog ends on the earlier text while Discord shows the later one.
    name: 'two edits recorded by processes whose clocks disagree leave the blog on the latest text',
    hole: null,
    flags: withFlags(baseline(), { events: { replyEdits: true }, faults: { clockSkew: true } }),
    history: {
      skewMs: [0, -180_000],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        sync(),
        { kind: 'reply', pick: 0, student: 0, text: 0, process: 0 },
        sync(),
        { kind: 'editReply', pick: 0, text: 1, process: 0 },
        { kind: 'editReply', pick: 0, text: 2, process: 1 },
        sync(),
      ],
    },
  },
  {
    // Recovery converges here; what people see is the scheduled tick failing (its later courses skipped).
    name: '/sync now alongside the scheduled tick does not fail the tick on comments both record',
    hole: null,
    flags: withFlags(baseline(), { faults: { twoDrainers: true } }),
    history: {
      skewMs: [0, 0],
      steps: [
        { kind: 'publish', future: false, title: 0 },
        { kind: 'publish', future: false, title: 1 },
        { kind: 'sync', process: 0, faults: [], alongside: true },
        { kind: 'blogComment', pick: 0, reader: 0, text: 0 },
        { kind: 'blogComment', pick: 1, reader: 1, text: 1 },
        { kind: 'blogComment', pick: 0, reader: 1, text: 2 },
        { kind: 'sync', process: 0, faults: [], alongside: true },
        { kind: 'sync', process: 0, faults: [], alongside: true },
      ],
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
