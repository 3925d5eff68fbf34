import type { Db } from '../client.js';
import { isUniqueViolation } from '../db-errors.js';

// Blog push bookkeeping: delivery ids already accepted (PushDelivery) and the push link's last events (PushLink).

/** Inserts the delivery id; false when it was already there. The unique key decides, so racing processes accept it once. */
export async function insertDeliveryOnce(db: Db, input: { courseId: string; deliveryId: string; receivedAt: Date }): Promise<boolean> {
  try {
    await db.pushDelivery.create({ data: { courseId: input.courseId, deliveryId: input.deliveryId, receivedAt: input.receivedAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function deleteDeliveriesReceivedBefore(db: Db, courseId: string, before: Date): Promise<void> {
  await db.pushDelivery.deleteMany({ where: { courseId, receivedAt: { lt: before } } });
}

/** `lastEventAt` moves only when the push carried a real change (`changed`). */
export async function markPushLinkReceived(db: Db, courseId: string, now: Date, changed: boolean): Promise<void> {
  await db.pushLink.updateMany({ where: { courseId }, data: { lastPushAt: now, ...(changed && { lastEventAt: now }) } });
}

export async function markPushLinkFailed(db: Db, courseId: string, reason: string, now: Date): Promise<void> {
  await db.pushLink.updateMany({ where: { courseId }, data: { lastFailureAt: now, lastFailureReason: reason } });
}
