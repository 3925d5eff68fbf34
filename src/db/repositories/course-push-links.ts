import type { Db, Tx } from '../client.js';
import type { SealedSecretColumns } from './sealed-secrets.js';

// A course's push link (PushLink, one per course): the opaque course key in the plugin's URL, the sealed
// signing secret, and when pushes last arrived or were refused. Deliveries are in push-deliveries.ts.

/** The course key of the course's push link, or null when none was made yet. */
export async function pushLinkCourseKey(db: Tx | Db, courseId: string): Promise<string | null> {
  return (await db.pushLink.findUnique({ where: { courseId }, select: { courseKey: true } }))?.courseKey ?? null;
}

/** Creates the course's push link with this key and sealed secret, or replaces the secret of the existing one (rotation). */
export async function savePushLinkSecret(db: Tx | Db, input: { courseId: string; courseKey: string; sealed: SealedSecretColumns; now: Date }): Promise<void> {
  const { courseId, courseKey, sealed, now } = input;
  await db.pushLink.upsert({
    where: { courseId },
    create: { courseId, courseKey, ...sealed, createdAt: now, rotatedAt: now },
    update: { ...sealed, rotatedAt: now },
  });
}

/** The push link a push URL names, with its sealed secret and its course's name and state; null for an unknown key. */
export function pushLinkByCourseKey(db: Db, courseKey: string) {
  return db.pushLink.findUnique({
    where: { courseKey },
    select: {
      courseId: true,
      format: true,
      keyVersion: true,
      iv: true,
      authTag: true,
      ciphertext: true,
      course: { select: { name: true, status: true, purgedAt: true } },
    },
  });
}

/** When the course's blog last pushed and last had a push refused (and why); null when it has no push link. */
export function pushLinkActivity(
  db: Db,
  courseId: string,
): Promise<{ lastPushAt: Date | null; lastFailureAt: Date | null; lastFailureReason: string | null } | null> {
  return db.pushLink.findUnique({ where: { courseId }, select: { lastPushAt: true, lastFailureAt: true, lastFailureReason: true } });
}
