// Histories the model found failing whose steps arm no fault (events alone); those with faults armed are in
// regressions-faults.ts, those found with every flag on in regressions-all-flags.ts. The shape and the
// steps are in regression.ts.
import { allOn, baseline, withFlags } from './flags.js';
import { blogComment, editReply, moderate, publish, publishAhead, regression, reply, republish, sync, unpublish, type Regression } from './regression.js';

export const regressions: Regression[] = [
  regression('a blog comment held for moderation and approved again comes back into the thread', allOn(), [
    publish(),
    sync(),
    blogComment(),
    sync(),
    moderate('hold'),
    sync(),
    moderate('approved'),
    sync(),
  ]),
  regression('a reply edited A -> B -> A -> B shows B on the blog', allOn(), [
    publish(),
    sync(),
    reply(),
    sync(),
    editReply(1),
    sync(),
    editReply(0),
    sync(),
    editReply(1),
    sync(),
  ]),
  // Found by the soak (seed 11, path "18:7:2:2:3:6:6:6:7:7:6", flags: baseline + futureDatedEssays), shrunk.
  // NEW (not in issue 16's list): the ordinary poll lists comments only from the oldest recent essay's
  // publish date on, yet the deletion pass treats that listing as complete. A comment dated before its
  // essay (a post dated ahead, a blog clock ahead) is mirrored by the first full sweep, then taken for
  // deleted by the next ordinary poll: its mirror is removed and the row marked deleted, so no sweep
  // brings it back. Close to hole 4 (an incomplete listing treated as complete), by another cause.
  regression(
    'a blog comment on an essay dated ahead stays in the thread after the next ordinary poll',
    withFlags(baseline(), { events: { futureDatedEssays: true } }),
    [publishAhead(), blogComment(), sync(), sync()],
  ),
  regression('an essay unpublished and published again has its thread open again', withFlags(baseline(), { events: { unpublish: true, republish: true } }), [
    publish(),
    sync(),
    unpublish(),
    sync(),
    republish(),
    sync(),
  ]),
  regression('an essay published after one dated ahead still gets its thread', withFlags(baseline(), { events: { futureDatedEssays: true } }), [
    publishAhead(),
    sync(),
    publish(1),
    sync(),
  ]),
];
