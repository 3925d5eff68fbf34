import type { Db } from '../db/client.js';
import { dropPendingConfirmation, findPendingConfirmation, recordPendingConfirmation } from '../db/repositories/privacy-confirmations.js';
import { UserError } from '../shared/user-error.js';

const confirmWindowMs = 15 * 60_000;

/** Records a destructive action awaiting its Confirm button; nothing else is changed yet. */
export async function requestConfirmation(
  db: Db,
  input: { kind: string; courseId: string; actorUserId: string; payload: unknown; now: Date },
): Promise<string> {
  return recordPendingConfirmation(db, {
    kind: input.kind,
    courseId: input.courseId,
    actorUserId: input.actorUserId,
    payload: JSON.stringify(input.payload),
    expiresAt: new Date(input.now.getTime() + confirmWindowMs),
    createdAt: input.now,
  });
}

/**
 * Takes the confirmation once: deleting the row decides between two presses, so the action runs at most
 * once. Only the person who asked may confirm; an expired request is refused and forgotten.
 */
export async function takeConfirmation(db: Db, input: { id: string; kind: string; actorUserId: string; now: Date }): Promise<unknown> {
  const pending = await findPendingConfirmation(db, input.id);
  if (!pending || pending.kind !== input.kind) throw new UserError('This request was already confirmed, cancelled, or has expired. Nothing more was done.');
  if (pending.actorUserId !== input.actorUserId) throw new UserError('Only the person who asked for this can confirm it.');
  if (pending.expiresAt <= input.now) {
    await dropPendingConfirmation(db, input.id);
    throw new UserError('This request expired (15 minutes). Nothing was changed; run the command again.');
  }
  if (!(await dropPendingConfirmation(db, input.id))) throw new UserError('This request was already confirmed. Nothing more was done.');
  return JSON.parse(pending.payload) as unknown;
}

export async function cancelConfirmation(db: Db, id: string): Promise<void> {
  await dropPendingConfirmation(db, id);
}
