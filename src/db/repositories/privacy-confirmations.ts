import type { Db } from '../client.js';

// Destructive actions (a student's purge) waiting for their Confirm button: src/privacy/confirmations.ts.

/** A confirmation as it waits: who asked for what, the action's payload (JSON), and until when. */
export interface PendingConfirmationRow {
  id: string;
  kind: string;
  courseId: string | null;
  actorUserId: string;
  payload: string;
  expiresAt: Date;
  createdAt: Date;
}

/** Records a confirmation request; returns its id (the Confirm button carries it). */
export async function recordPendingConfirmation(
  db: Db,
  data: { kind: string; courseId: string; actorUserId: string; payload: string; expiresAt: Date; createdAt: Date },
): Promise<string> {
  const row = await db.pendingConfirmation.create({ data, select: { id: true } });
  return row.id;
}

/** The waiting confirmation with this id, or null when it was taken, cancelled or never existed. */
export function findPendingConfirmation(db: Db, id: string): Promise<PendingConfirmationRow | null> {
  return db.pendingConfirmation.findUnique({ where: { id } });
}

/** Deletes the confirmation; false when it was already gone (another press took it first). */
export async function dropPendingConfirmation(db: Db, id: string): Promise<boolean> {
  const taken = await db.pendingConfirmation.deleteMany({ where: { id } });
  return taken.count > 0;
}
