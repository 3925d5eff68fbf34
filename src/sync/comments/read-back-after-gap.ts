// Replies written while no gateway session of this process's shards was listening: the bot was down (a deploy,
// a crash, a restart) or its session could not be resumed. Discord does not replay those events to a new
// session, and nothing else in the bot reads a thread's replies from Discord, so they would never reach the
// blog. A new session therefore reads back the threads where students may still be replying.
import { openEssayThreadsSince } from '../../db/repositories/essay-threads.js';
import { shardForGuild } from '../../sharding/guild-shard.js';
import type { SyncDeps } from '../../context.js';
import { enqueueThreadReadBack } from './read-back-thread.js';

/** Essays published this recently are still being discussed. Older threads are not read back: a bound on what a restart costs in calls. */
export const readBackDays = 21;

/**
 * Queues a read-back of every open thread of an essay published in the last `readBackDays`, in the guilds
 * whose events reach these shards. `session` names the new session, so a later session reads them again.
 * Returns how many threads will be read.
 */
export async function readBackAfterGap(ctx: SyncDeps, input: { shardIds: number[]; shardCount: number; session: string }): Promise<number> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - readBackDays * 86_400_000);
  const threads = (await openEssayThreadsSince(ctx.db, since)).filter((t) => input.shardIds.includes(shardForGuild(t.guildId, input.shardCount)));
  for (const t of threads) await enqueueThreadReadBack(ctx.db, { courseId: t.courseId, essayId: t.essayId, reason: input.session }, now);
  return threads.length;
}
