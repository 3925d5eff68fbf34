import type { Db } from '../../db/client.js';
import { deleteDeliveriesReceivedBefore, insertDeliveryOnce, markPushLinkFailed, markPushLinkReceived } from '../../db/repositories/push-deliveries.js';

/** Accepted delivery ids are kept this long: twice the replay window and more, so any retry of one is recognised. */
export const DELIVERY_KEEP_MS = 60 * 60_000;

/**
 * Records a delivery id for a course, in the database so every process (and a restarted one) sees it.
 * 'duplicate' when it was already accepted: the insert itself decides, so two processes receiving the
 * same retry at once accept it only once.
 */
export async function acceptDelivery(db: Db, input: { courseId: string; deliveryId: string; now: Date }): Promise<'new' | 'duplicate'> {
  if (!(await insertDeliveryOnce(db, { courseId: input.courseId, deliveryId: input.deliveryId, receivedAt: input.now }))) return 'duplicate';
  // Pruned as they go, for this course only: bounded work per request, and no extra job.
  await deleteDeliveriesReceivedBefore(db, input.courseId, new Date(input.now.getTime() - DELIVERY_KEEP_MS));
  return 'new';
}

/** A test ping proves the link works (lastPushAt) but changes nothing, so only a real change slows the poll (lastEventAt). */
export async function recordPushReceived(db: Db, courseId: string, now: Date, kind: 'change' | 'ping'): Promise<void> {
  await markPushLinkReceived(db, courseId, now, kind === 'change');
}

export async function recordPushFailure(db: Db, courseId: string, reason: string, now: Date): Promise<void> {
  await markPushLinkFailed(db, courseId, reason, now);
}
