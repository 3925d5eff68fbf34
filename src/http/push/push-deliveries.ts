import type { Db } from '../../db/client.js';

/** Accepted delivery ids are kept this long: twice the replay window and more, so any retry of one is recognised. */
export const DELIVERY_KEEP_MS = 60 * 60_000;

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * Records a delivery id for a course, in the database so every process (and a restarted one) sees it.
 * 'duplicate' when it was already accepted: the insert itself decides, so two processes receiving the
 * same retry at once accept it only once.
 */
export async function acceptDelivery(db: Db, input: { courseId: string; deliveryId: string; now: Date }): Promise<'new' | 'duplicate'> {
  try {
    await db.pushDelivery.create({ data: { courseId: input.courseId, deliveryId: input.deliveryId, receivedAt: input.now } });
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
  // Pruned as they go, for this course only: bounded work per request, and no extra job.
  await db.pushDelivery.deleteMany({ where: { courseId: input.courseId, receivedAt: { lt: new Date(input.now.getTime() - DELIVERY_KEEP_MS) } } });
  return 'new';
}

/** A test ping proves the link works (lastPushAt) but changes nothing, so only a real change slows the poll (lastEventAt). */
export async function recordPushReceived(db: Db, courseId: string, now: Date, kind: 'change' | 'ping'): Promise<void> {
  await db.pushLink.updateMany({ where: { courseId }, data: { lastPushAt: now, ...(kind === 'change' && { lastEventAt: now }) } });
}

export async function recordPushFailure(db: Db, courseId: string, reason: string, now: Date): Promise<void> {
  await db.pushLink.updateMany({ where: { courseId }, data: { lastFailureAt: now, lastFailureReason: reason } });
}
