import type { Db } from '../db/client.js';
import { pushLinkActivity } from '../db/repositories/course-push-links.js';

/** Blogs the companion plugin cannot be installed on: they keep polling only. */
export const pollOnlyBlogKinds: Record<string, string> = {
  wordpress_com: 'WordPress.com sites cannot install the companion plugin on most plans',
  feed: 'feed courses read an RSS/Atom feed, which cannot notify the bot',
};

export interface PushState {
  linked: boolean;
  lastPushAt: Date | null;
  lastFailureAt: Date | null;
  lastFailureReason: string | null;
}

export async function pushState(db: Db, courseId: string): Promise<PushState> {
  const link = await pushLinkActivity(db, courseId);
  return {
    linked: link !== null,
    lastPushAt: link?.lastPushAt ?? null,
    lastFailureAt: link?.lastFailureAt ?? null,
    lastFailureReason: link?.lastFailureReason ?? null,
  };
}

const at = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;

/** One line for /course show and /report health: is the blog telling the bot at once, and if not, why. */
export function pushLine(blogKind: string, state: PushState): string {
  if (pollOnlyBlogKinds[blogKind]) return `Push: not available (${pollOnlyBlogKinds[blogKind]}); polling only`;
  if (!state.linked) return 'Push: not set up (polling only; /course push shows how to install the plugin)';
  const last = state.lastPushAt ? `last push ${at(state.lastPushAt)}` : 'no push received yet';
  const failure =
    state.lastFailureAt && (!state.lastPushAt || state.lastFailureAt > state.lastPushAt)
      ? ` · ❌ last refused ${at(state.lastFailureAt)}: ${state.lastFailureReason ?? 'unknown'}`
      : state.lastFailureAt
        ? ` · last refused ${at(state.lastFailureAt)}: ${state.lastFailureReason ?? 'unknown'}`
        : '';
  return `Push: ${state.lastPushAt ? '✅' : '⏳'} ${last}${failure}`;
}
