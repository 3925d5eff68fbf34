import type { Db } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import { reviveDeadEffects } from '../outbox/outbox-store.js';
import { recordStaffAction, type StaffActor } from './audit.js';

/**
 * /sync retry: the course's dead letters go back to the queue, due now, and the audit log records how many, in
 * one transaction (staff told that nothing changed must find nothing retried). Returns how many were revived.
 */
export async function retryDeadLetters(db: Db, input: { courseId: string; actor: StaffActor; now: Date }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const count = await reviveDeadEffects(tx, { courseId: input.courseId, now: input.now });
    await recordStaffAction(tx, input.courseId, input.actor, { action: 'sync.retry', details: { count } });
    return count;
  });
}
