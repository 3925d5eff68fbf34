import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { pushSecretBinding } from '../privacy/sealed-tables.js';
import type { SecretBox } from '../privacy/secret-box.js';

// The push link's signing secret is sealed like blog credentials, but bound to `push:<course id>`
// (pushSecretBinding) so a blog secret's ciphertext copied into a push link (or back) never opens.

export interface PushCredentials {
  courseKey: string;
  /** 32 random bytes as 64 hex characters; the plugin uses the hex text itself as the HMAC key. */
  secret: string;
}

/** Opaque (never a Discord id), URL-safe, 32 characters: the protocol allows [A-Za-z0-9_-]{16,64}. */
const newCourseKey = () => randomBytes(24).toString('base64url');
const newSecret = () => randomBytes(32).toString('hex');

/**
 * Makes the course's push link, or a new secret for it (rotation): the old secret stops working at once,
 * the course key (the URL) stays, so only the secret needs pasting again. Returns the secret in clear
 * for the one reply that shows it; only the sealed form is stored.
 */
export async function issuePushSecret(db: Db, secrets: SecretBox, courseId: string, now: Date): Promise<PushCredentials & { rotated: boolean }> {
  const secret = newSecret();
  const sealed = secrets.seal(secret, pushSecretBinding(courseId));
  const existing = await db.pushLink.findUnique({ where: { courseId }, select: { courseKey: true } });
  const courseKey = existing?.courseKey ?? newCourseKey();
  await db.pushLink.upsert({
    where: { courseId },
    create: { courseId, courseKey, ...sealed, createdAt: now, rotatedAt: now },
    update: { ...sealed, rotatedAt: now },
  });
  return { courseKey, secret, rotated: existing !== null };
}

/** The course key of a course's push link, or null when none was made yet. */
export async function pushCourseKey(db: Db, courseId: string): Promise<string | null> {
  return (await db.pushLink.findUnique({ where: { courseId }, select: { courseKey: true } }))?.courseKey ?? null;
}

export interface PushTarget {
  courseId: string;
  courseName: string;
  secret: string;
}

/** The course a push URL names, with its secret opened; null for an unknown key or a course that no longer follows its blog. */
export async function findPushTarget(db: Db, secrets: SecretBox, courseKey: string): Promise<PushTarget | null> {
  const link = await db.pushLink.findUnique({
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
  if (!link || link.course.status === 'archived' || link.course.purgedAt) return null;
  const secret = secrets.open({ ...link, courseId: pushSecretBinding(link.courseId) });
  return { courseId: link.courseId, courseName: link.course.name, secret };
}
