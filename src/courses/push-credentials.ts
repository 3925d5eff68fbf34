import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/client.js';
import { pushLinkByCourseKey, pushLinkCourseKey, savePushLinkSecret } from '../db/repositories/course-push-links.js';
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
export async function issuePushSecret(db: Tx | Db, secrets: SecretBox, courseId: string, now: Date): Promise<PushCredentials & { rotated: boolean }> {
  const secret = newSecret();
  const sealed = secrets.seal(secret, pushSecretBinding(courseId));
  const existing = await pushLinkCourseKey(db, courseId);
  const courseKey = existing ?? newCourseKey();
  await savePushLinkSecret(db, { courseId, courseKey, sealed, now });
  return { courseKey, secret, rotated: existing !== null };
}

/** The course key of a course's push link, or null when none was made yet. */
export async function pushCourseKey(db: Db, courseId: string): Promise<string | null> {
  return pushLinkCourseKey(db, courseId);
}

export interface PushTarget {
  courseId: string;
  courseName: string;
  secret: string;
}

/** The course a push URL names, with its secret opened; null for an unknown key or a course that no longer follows its blog. */
export async function findPushTarget(db: Db, secrets: SecretBox, courseKey: string): Promise<PushTarget | null> {
  const link = await pushLinkByCourseKey(db, courseKey);
  if (!link || link.course.status === 'archived' || link.course.purgedAt) return null;
  const secret = secrets.open({ ...link, courseId: pushSecretBinding(link.courseId) });
  return { courseId: link.courseId, courseName: link.course.name, secret };
}
