import type { Tx } from '../client.js';

// A purged student's traces in the course's outbox (src/privacy/scrub-outbox.ts decides each effect's fate).

/** Every effect of the course with the texts that may name someone: payload, result, last error. */
export function courseOutboxTexts(
  tx: Tx,
  courseId: string,
): Promise<Array<{ id: string; kind: string; status: string; payload: string; result: string | null; lastError: string | null }>> {
  return tx.outboxItem.findMany({
    where: { courseId },
    select: { id: true, kind: true, status: true, payload: true, result: true, lastError: true },
  });
}

/** Writes an effect's scrubbed texts (the result only when given). */
export async function rewriteOutboxTexts(
  tx: Tx,
  outboxItemId: string,
  texts: { payload: string; result?: string | null; lastError: string | null },
): Promise<void> {
  await tx.outboxItem.update({ where: { id: outboxItemId }, data: texts });
}

/** Deletes an effect that must no longer run. */
export async function deleteOutboxItem(tx: Tx, outboxItemId: string): Promise<void> {
  await tx.outboxItem.delete({ where: { id: outboxItemId } });
}
