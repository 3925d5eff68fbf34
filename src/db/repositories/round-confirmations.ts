// The plan a /reviews assign preview showed, kept until Confirm or Cancel (src/reviews/preview-round.ts,
// confirm-round.ts). Deleting the row is what decides the race between two presses of Confirm.
import type { Db, Tx } from '../client.js';

export interface PendingConfirmationRow {
  id: string;
  courseId: string | null;
  kind: string;
  actorUserId: string;
  payload: string;
  expiresAt: Date;
  createdAt: Date;
}

/** Keeps a preview's plan (JSON payload) for its author to confirm before `expiresAt`. */
export async function savePendingConfirmation(
  db: Db,
  row: { id: string; courseId: string; kind: string; actorUserId: string; payload: string; expiresAt: Date },
): Promise<void> {
  await db.pendingConfirmation.create({ data: row });
}

/** The stored preview with this id, or null when it was confirmed, cancelled or never existed. */
export function findPendingConfirmation(db: Db, id: string): Promise<PendingConfirmationRow | null> {
  return db.pendingConfirmation.findUnique({ where: { id } });
}

/** Deletes the stored preview; true for the caller that deleted it (of two concurrent presses, only one). */
export async function takePendingConfirmation(tx: Tx | Db, id: string): Promise<boolean> {
  const taken = await tx.pendingConfirmation.deleteMany({ where: { id } });
  return taken.count > 0;
}

/** Deletes the stored preview if it is of this kind; false when there was none. */
export async function discardPendingConfirmation(db: Db, id: string, kind: string): Promise<boolean> {
  const gone = await db.pendingConfirmation.deleteMany({ where: { id, kind } });
  return gone.count > 0;
}
