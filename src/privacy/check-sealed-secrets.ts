import type { Db } from '../db/client.js';
import { SecretKeyError, type SecretBox } from './secret-box.js';

/** Opens every stored secret once at start-up, so a missing or wrong key is reported before anything runs. */
export async function checkSealedSecrets(db: Db, secrets: SecretBox): Promise<void> {
  const sealed = await db.blogSecret.findMany({ select: { courseId: true, format: true, keyVersion: true, iv: true, authTag: true, ciphertext: true } });
  const broken: string[] = [];
  for (const secret of sealed) {
    try {
      secrets.open(secret);
    } catch (error) {
      broken.push(`course ${secret.courseId}: ${(error as Error).message}`);
    }
  }
  if (broken.length > 0) {
    throw new SecretKeyError(`CourseThreads cannot start: stored blog credentials cannot be opened with COURSETHREADS_SECRET_KEYS.\n  - ${broken.join('\n  - ')}\nNothing was changed. Set the key(s) they were sealed with (old versions may stay listed beside the new one).`);
  }
}
