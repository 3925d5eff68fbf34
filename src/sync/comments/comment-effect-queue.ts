import type { Db, Tx } from '../../db/client.js';
import { enqueueEffect } from '../../outbox/outbox-store.js';

/**
 * Queues an effect on one comment whose payload is the comment id alone. All of a comment's effects share the
 * orderKey `comment:<id>`, so they run in the order they were queued (create, edits, trash, media deletion).
 */
export function enqueueCommentEffect(
  tx: Tx | Db,
  effect: { kind: string; dedupeKey: string },
  target: { courseId: string; commentId: string },
  now: Date,
): Promise<void> {
  const { courseId, commentId } = target;
  return enqueueEffect(tx, { courseId, kind: effect.kind, dedupeKey: effect.dedupeKey, orderKey: `comment:${commentId}`, payload: { commentId } }, now);
}
